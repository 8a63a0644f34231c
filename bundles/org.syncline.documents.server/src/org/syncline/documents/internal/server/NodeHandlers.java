package org.syncline.documents.internal.server;

import java.net.InetSocketAddress;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.documents.DocumentsMessages;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.server.api.Enrollment;

/**
 * The registry's side of its storage nodes: users list them; enrolled nodes (and nobody else) say hello
 * and heartbeat, identified by the member id of their login, never by what they claim in a message.
 */
final class NodeHandlers {
    private final CapabilityEndpoint endpoint;
    private final StorageNodes nodes;
    private final OrphanSweep sweep;

    NodeHandlers(CapabilityEndpoint endpoint, StorageNodes nodes, OrphanSweep sweep) {
        this.endpoint = endpoint;
        this.nodes = nodes;
        this.sweep = sweep;
    }

    void register() {
        endpoint.handle(DocumentsMessages.NODES, Access.USER, (ctx, body) -> Json.object("nodes", nodes.list()));
        endpoint.handle(DocumentsMessages.NODE_HELLO, Access.MEMBER, (ctx, body) -> {
            String member = member(ctx);
            nodes.hello(member, body.string("name"), address(ctx, body), body.number("capacity"), body.number("free"),
                    (int) Math.max(1, Math.min(3600, body.number("heartbeatSeconds"))));
            String name = body.string("name");
            Thread.ofVirtual().name("docs-reconcile").start(() -> {
                try {
                    nodes.deleteQueued(name).join();
                    nodes.reconcile(name);
                } catch (SynclineException e) {
                    java.util.logging.Logger.getLogger(NodeHandlers.class.getName()).warning(() -> "Reconciling '" + name + "' failed: "
                            + e.getMessage() + "; it is tried again when the node next says hello");
                }
            });
            return Json.object();
        });
        endpoint.handle(DocumentsMessages.NODE_FILES, Access.ADMIN, (ctx, body) -> Json.tree(sweep.withPurgeDates(body.string("node"),
                nodes.files(body.string("node"), false, limit(body)))));
        endpoint.handle(DocumentsMessages.NODE_ORPHANS, Access.ADMIN, (ctx, body) -> Json.tree(sweep.withPurgeDates(body.string("node"),
                nodes.files(body.string("node"), true, limit(body)))));
        endpoint.handle(DocumentsMessages.NODE_PURGE, Access.ADMIN, (ctx, body) -> {
            nodes.purge(body.string("node"), body.string("sha256"));
            return Json.object("node", body.string("node"), "sha256", body.string("sha256"));
        });
        endpoint.handle(DocumentsMessages.NODE_HEARTBEAT, Access.MEMBER, (ctx, body) -> {
            sweep.reported(nodes.heartbeat(member(ctx), body.number("capacity"), body.number("free")));
            return Json.object();
        });
    }

    private static int limit(JsonObject body) {
        long limit = body.optNumber("limit", 1000);
        if (limit < 1 || limit > 100_000) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The limit must be from 1 to 100000, not " + limit + ".");
        }
        return (int) limit;
    }

    private static String member(RequestContext ctx) {
        return Enrollment.memberId(ctx.principal()).orElseThrow(() -> new SynclineException(ErrorCode.ACCESS_DENIED,
                "Only a storage node that joined this registry may report as one."));
    }

    /** The host the node names, else the address its connection comes from; the port it listens on. */
    private static HostPort address(RequestContext ctx, JsonObject body) {
        String host = body.optString("host", "");
        if (host.isBlank() && ctx.remoteAddress() instanceof InetSocketAddress a) {
            host = a.getAddress().getHostAddress();
        }
        return new HostPort(host, (int) body.number("port"));
    }
}
