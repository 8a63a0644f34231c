package org.syncline.distribution.internal.server;

import java.util.Map;

import org.syncline.core.json.Json;

/**
 * How an agent answers {@code distribution.content.scan}: with only what changed since the listing it last reported
 * for the folder when the master names that listing's digest as its base, else with every file; either way with
 * the digest of the whole listing now. What it reported is kept in the agent's data directory ({@link ListingStore}),
 * so a restarted agent still answers with changes; a reset one answers in full.
 */
final class ScanAnswers {
    private final ListingStore reported;

    ScanAnswers(ListingStore reported) {
        this.reported = reported;
    }

    /** The answer to a scan of {@code dir} that found {@code now}; {@code since}: the master's base digest ("" for none). */
    synchronized Map<String, Object> answer(String dir, String since, Listing now) {
        Listing base = reported.get(dir);
        Map<String, Object> out;
        if (!since.isEmpty() && base != null && base.digest().equals(since)) {
            Listing.Changes changes = now.changesSince(base);
            out = Json.object("digest", now.digest(), "since", since, "changed", changes.changed().stream().map(Json::tree).toList(),
                    "removed", changes.removed());
        } else {
            out = Json.object("digest", now.digest(), "files", now.entries().stream().map(Json::tree).toList());
        }
        reported.put(dir, now);
        return out;
    }

    /**
     * A run wrote the file at {@code path} (below the root; null {@code entry}: deleted it): the listings reported
     * for the folders holding it take that version, as the master's bases do when it hears the write succeeded, so
     * the next scan does not report it back. Should the two not agree, their digests differ and that scan is in full.
     */
    void written(String path, ContentRoot.Entry entry) {
        reported.record("", path, entry);
    }

    /** Writes the listings changed by runs since they were last reported (at a stop). */
    void flush() {
        reported.flush();
    }
}
