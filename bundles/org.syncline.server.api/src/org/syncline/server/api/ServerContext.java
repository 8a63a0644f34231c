package org.syncline.server.api;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.store.BlobStore;
import org.syncline.store.Database;
import org.syncline.store.UserDirectory;

/**
 * What a started capability gets from the server that runs it.
 *
 * @param endpoint   registration of its handlers and topics, restricted to {@code <name>.*}
 * @param database   the server's Derby database, already migrated to the capability's schema
 * @param users      users, groups and credentials
 * @param blobs      the content-addressed blob store shared by every capability
 * @param directory  a folder of its own inside the data directory, owner-only, created on first start
 * @param server     version, host name and the roles this process holds
 * @param scheduler  for periodic work; tasks must be short or hand off to their own threads
 * @param log        its logger (goes to the server's log files)
 * @param settings   every {@code --set} value; a capability reads the keys under its own name
 * @param join       the deployment this process was asked to join with {@code --join}, if any
 * @param enrollment the deployment this process joined and the servers that joined it
 */
public record ServerContext(CapabilityEndpoint endpoint, Database database, UserDirectory users, BlobStore blobs,
        Path directory, ServerInfo server, ScheduledExecutorService scheduler, Logger log, ServerSettings settings,
        Optional<JoinRequest> join, Enrollment enrollment) {

    /** What a capability may know about the process it runs in. */
    public record ServerInfo(String version, String hostName, Set<String> roles) {
        public ServerInfo {
            roles = Set.copyOf(roles);
        }
    }
}
