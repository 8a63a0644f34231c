package org.syncline.sync.internal.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.syncline.core.json.Json;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.sync.Quota;
import org.syncline.sync.SyncMessages;

/**
 * Pushes a user's {@link Quota} on {@link SyncMessages#QUOTA_TOPIC} to the admins and the user themself: when an
 * admin sets it, and when a change to their folders takes them over it or back under it, so an open user editor
 * or a user's own client shows what the hub holds. Changes to folders of users without a quota cost nothing.
 */
final class QuotaPushes {
    private static final Logger LOG = Logger.getLogger(QuotaPushes.class.getName());
    private final CapabilityEndpoint endpoint;
    private final SyncHub hub;
    /** Users who have a quota: only their changes are measured. */
    private final Set<String> limited = ConcurrentHashMap.newKeySet();
    /** Whether each measured user was over their quota at the last push; absent: not known since the start. */
    private final Map<String, Boolean> over = new HashMap<>();

    QuotaPushes(CapabilityEndpoint endpoint, SyncHub hub) {
        this.endpoint = endpoint;
        this.hub = hub;
    }

    void register() {
        limited.addAll(hub.usersWithQuota());
        endpoint.topic(SyncMessages.QUOTA_TOPIC, Access.USER);
    }

    /** An admin set {@code q}: its user and the admins get it whatever it was before. */
    synchronized void set(Quota q) {
        if (q.limit() > 0) {
            limited.add(q.user());
            over.put(q.user(), isOver(q));
        } else {
            limited.remove(q.user());
            over.remove(q.user());
        }
        push(q);
    }

    /** Who owns {@code folder} when they have a quota (read before a change that removes the folder), else null. */
    String limitedOwner(String folder) {
        if (limited.isEmpty()) {
            return null;
        }
        return hub.ownerOf(folder).filter(limited::contains).orElse(null);
    }

    /** Files of {@code folder} changed: measures its owner when they have a quota. */
    void folderChanged(String folder) {
        try {
            usageChanged(limitedOwner(folder));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * What the folders of {@code owner} (null: nobody to measure) hold changed: pushes when that crossed their
     * quota. The change is already committed, so a failure to measure is logged, not answered; the next change
     * measures again.
     */
    synchronized void usageChanged(String owner) {
        if (owner == null || !limited.contains(owner)) {
            return;
        }
        try {
            Quota q = hub.quotaOf(owner);
            Boolean before = over.put(owner, isOver(q));
            if (before == null || before != isOver(q)) {
                push(q);
            }
        } catch (RuntimeException e) {
            over.remove(owner);
            failed(e);
        }
    }

    private static void failed(RuntimeException e) {
        LOG.log(Level.WARNING, "A sync quota could not be measured after a change; the next change measures it again", e);
    }

    private static boolean isOver(Quota q) {
        return q.limit() > 0 && q.used() > q.limit();
    }

    private void push(Quota q) {
        endpoint.publish(SyncMessages.QUOTA_TOPIC, SyncMessages.QUOTA_CHANGED, Json.tree(q),
                p -> p.isAdmin() || p.name().equals(q.user()));
    }
}
