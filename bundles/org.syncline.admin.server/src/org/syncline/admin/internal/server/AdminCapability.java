package org.syncline.admin.internal.server;

import java.util.List;
import java.util.Set;

import org.syncline.admin.AdminMessages;
import org.syncline.server.api.Capability;
import org.syncline.server.api.ServerContext;
import org.syncline.store.Migration;

/**
 * Administration of users and groups. Every server runs it; its tables are the store's own (users and
 * groups are what every other capability checks rights against), so it brings no migrations.
 */
public final class AdminCapability implements Capability {
    @Override
    public String name() {
        return AdminMessages.CAPABILITY;
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public List<Migration> migrations() {
        return List.of();
    }

    @Override
    public AutoCloseable start(ServerContext context) {
        new UserHandlers(context.endpoint(), context.users()).register();
        new GroupHandlers(context.endpoint(), context.users()).register();
        return () -> {
            // handlers go with the endpoint; nothing else runs
        };
    }
}
