package org.syncline.distribution.internal.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/**
 * The master's side of incremental scans: per agent and folder it keeps the listing it last received (a
 * {@link ListingStore} in its data directory), names it by digest in each scan, and applies the changes the agent
 * answers with. The result must have the digest the agent gave for its listing now; if it has not, or the agent
 * answered for another base, the folder is scanned again in full. So a wrong base costs bytes, never a missed file.
 */
final class IncrementalScans {
    private static final Logger LOG = Logger.getLogger(IncrementalScans.class.getName());
    private final ListingStore bases;

    /** A folder's listing, the bytes of the scan messages (compact JSON bodies, both ways) and how it was answered. */
    record Scan(Listing listing, long bytes, boolean incremental) {
    }

    IncrementalScans(ListingStore bases) {
        this.bases = bases;
    }

    /**
     * Scans {@code dir} on the agent known as {@code agent} (its member id: an agent enrolled anew has no base)
     * through {@code request}, which sends a {@code distribution.content.scan} body and returns the answer.
     */
    Scan scan(String agent, String dir, Function<Map<String, Object>, JsonObject> request) {
        String key = agent + "\u0000" + dir;
        Listing base = bases.get(key);
        Map<String, Object> ask = Json.object("dir", dir, "since", base == null ? "" : base.digest());
        JsonObject answer = request.apply(ask);
        long bytes = size(ask) + size(answer.map());
        Listing now = null;
        boolean incremental = false;
        if (!answer.has("files")) {
            if (base != null && base.digest().equals(answer.optString("since", ""))) {
                Listing applied = base.apply(new Listing.Changes(entries(answer, "changed"), answer.list("removed", String.class)));
                if (applied.digest().equals(answer.optString("digest", ""))) {
                    now = applied;
                    incremental = true;
                }
            }
            if (now == null) {
                LOG.warning(() -> "The changes '" + agent + "' sent for '" + dir + "' do not lead to the listing it holds; scanning it in full");
                ask = Json.object("dir", dir, "since", "");
                answer = request.apply(ask);
                bytes += size(ask) + size(answer.map());
            }
        }
        if (now == null) {
            now = Listing.of(entries(answer, "files"));
        }
        bases.put(key, now);
        return new Scan(now, bytes, incremental);
    }

    /**
     * A run wrote the file at {@code path} (below the agent's root; null {@code entry}: deleted it) and the agent
     * answered that it did: the bases of the folders holding it take that version, as the agent's listings do.
     */
    void written(String agent, String path, ContentRoot.Entry entry) {
        bases.record(agent + "\u0000", path, entry);
    }

    /** Writes the bases the runs changed (at the end of a run). */
    void flush() {
        bases.flush();
    }

    private static List<ContentRoot.Entry> entries(JsonObject answer, String key) {
        return answer.list(key, JsonObject.class).stream().map(o -> Json.read(o, ContentRoot.Entry.class)).toList();
    }

    private static long size(Map<String, Object> body) {
        return Json.write(body).getBytes(StandardCharsets.UTF_8).length;
    }
}
