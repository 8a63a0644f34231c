package org.syncline.sharing.internal.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.syncline.server.api.Capability;
import org.syncline.server.api.ServerContext;
import org.syncline.sharing.SharingMessages;
import org.syncline.store.Migration;

/**
 * Window sharing: the relay. Rooms live in memory for as long as their host's session, so there is no schema.
 * Setting: {@code sharing.max-participants} (default 5), the most viewers any room on this relay takes.
 */
public final class SharingCapability implements Capability {
    static final int DEFAULT_MAX_PARTICIPANTS = 5;

    @Override
    public String name() {
        return SharingMessages.CAPABILITY;
    }

    @Override
    public Set<String> roles() {
        return Set.of(SharingMessages.ROLE);
    }

    @Override
    public List<Migration> migrations() {
        return List.of();
    }

    @Override
    public AutoCloseable start(ServerContext context) {
        int max = (int) context.settings().longValue("sharing.max-participants", DEFAULT_MAX_PARTICIPANTS, 1, 1000);
        Relay relay = new Relay(context.endpoint(), max);
        new SharingHandlers(context.endpoint(), relay).register();
        // a closed session ends its rooms and memberships at once; the periodic sweep covers a close seen late
        context.endpoint().onSessionsChanged(() -> context.scheduler().execute(relay::sweep));
        ScheduledFuture<?> sweep = context.scheduler().scheduleWithFixedDelay(relay::sweep, 2, 2, TimeUnit.SECONDS);
        return () -> {
            sweep.cancel(false);
            relay.closeAll();
        };
    }
}
