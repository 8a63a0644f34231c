package org.syncline.server.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

import org.syncline.protocol.Endpoint;
import org.syncline.server.api.Capability;
import org.syncline.server.api.Enrollment;
import org.syncline.server.api.JoinRequest;
import org.syncline.server.api.ServerContext;
import org.syncline.server.api.ServerSettings;
import org.syncline.store.BlobStore;
import org.syncline.store.DataDirectory;
import org.syncline.store.Database;
import org.syncline.store.UserDirectory;

/** Makes each capability's context: the shared parts, plus its own endpoint view, folder and logger. */
public record ServerContextFactory(Endpoint endpoint, Database database, UserDirectory users, BlobStore blobs, Path data,
        String version, String hostName, Set<String> roles, ScheduledExecutorService scheduler, ServerSettings settings,
        Optional<JoinRequest> join, Enrollment enrollment) {

    public ServerContext contextFor(Capability capability) {
        Path dir = DataDirectory.createOwnerOnlyDirectories(data.resolve(capability.name()));
        return new ServerContext(endpoint.forCapability(capability.name()), database, users, blobs, dir,
                new ServerContext.ServerInfo(version, hostName, roles), scheduler,
                Logger.getLogger("org.syncline." + capability.name()), settings, join, enrollment);
    }
}
