package org.syncline.sync.internal.ui;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.syncline.admin.ui.UserColumn;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sync.Quota;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;

/**
 * The Users view's "Sync quota" column, contributed to the administration capability, which knows nothing of
 * sync: each user's space used of their limit ("1.2 MiB of 10.0 MiB", "1.2 MiB, no limit"), every user's read in
 * one request and kept up to date by the hub's quota pushes. On a server without the hub role the cells stay empty.
 */
public final class QuotaColumn implements UserColumn {
    private final Map<String, Quota> quotas = new ConcurrentHashMap<>();

    @Override
    public String title() {
        return "Sync quota";
    }

    @Override
    public int width() {
        return 190; // "1.5 MiB of 20.0 MiB (over)"
    }

    @Override
    public void load(ConnectedServer server) {
        try {
            Map<String, Quota> read = new java.util.HashMap<>();
            SyncClients.of(server).quotas().forEach(q -> read.put(q.user(), q));
            quotas.keySet().retainAll(read.keySet());
            quotas.putAll(read);
        } catch (SynclineException e) {
            if (e.code() != ErrorCode.BAD_REQUEST) { // BAD_REQUEST: no hub, so no quotas to show
                throw e;
            }
            quotas.clear();
        }
    }

    @Override
    public AutoCloseable follow(ConnectedServer server, Consumer<String> changed) {
        try {
            return SyncClients.of(server).watchQuotas(q -> {
                quotas.put(q.user(), q);
                changed.accept(q.user());
            });
        } catch (SynclineException e) {
            if (e.code() != ErrorCode.BAD_REQUEST) {
                throw e;
            }
            return () -> {
                // no hub: nothing to follow
            };
        }
    }

    @Override
    public String text(String user) {
        Quota q = quotas.get(user);
        return q == null ? "" : text(q);
    }

    static String text(Quota q) {
        return Formats.size(q.used()) + (q.limit() == 0 ? ", no limit" : " of " + Formats.size(q.limit()))
                + (q.limit() > 0 && q.used() > q.limit() ? " (over)" : "");
    }

    /** By the space used, then by the limit (no limit last): who is nearest to full shows at an end. */
    @Override
    public Comparator<String> order() {
        return Comparator.comparingLong((String u) -> {
            Quota q = quotas.get(u);
            return q == null ? -1 : q.used();
        }).thenComparingLong(u -> {
            Quota q = quotas.get(u);
            return q == null || q.limit() == 0 ? Long.MAX_VALUE : q.limit();
        });
    }
}
