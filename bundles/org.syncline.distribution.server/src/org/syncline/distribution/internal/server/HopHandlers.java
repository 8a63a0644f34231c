package org.syncline.distribution.internal.server;

import java.util.Base64;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.protocol.TransferTickets;
import org.syncline.server.api.Enrollment;

/**
 * The {@code distribution.hop.*} messages on an agent. As a parent it issues hop tickets at the master's request
 * and serves a child that logs in with one ({@code #ticket:distribution:ID}, the protocol's ticket login), checking
 * the run's ticket and the path on every message; as a child it opens (or reuses) links and pulls files when the
 * master says so.
 */
final class HopHandlers {
    private final CapabilityEndpoint endpoint;
    private final ContentRoot root;
    private final HopGrants grants;
    private final HopLinks links;

    HopHandlers(CapabilityEndpoint endpoint, ContentRoot root, HopGrants grants, HopLinks links) {
        this.endpoint = endpoint;
        this.root = root;
        this.grants = grants;
        this.links = links;
    }

    void register() {
        endpoint.acceptTickets(grants.logins());
        endpoint.handle(DistributionMessages.HOP_GRANT, Access.MEMBER, (ctx, body) -> {
            master(ctx);
            TransferTickets.Issued t = grants.grant(body.number("run"), body.string("child"), body.list("paths", String.class));
            return Json.object("ticket", t.id(), "secret", t.secret());
        });
        endpoint.handle(DistributionMessages.HOP_OPEN, Access.MEMBER, (ctx, body) -> {
            master(ctx);
            int port = (int) body.number("port");
            links.open(body.number("run"), body.string("parent"), new HostPort(body.string("host"), port), body.string("fingerprint"),
                    body.string("ticket"), body.string("secret"), Math.max(0, body.optNumber("cap", 0)));
            return Json.object();
        });
        endpoint.handle(DistributionMessages.HOP_PULL, Access.MEMBER, (ctx, body) -> {
            master(ctx);
            long wire = links.pull(body.number("run"), body.string("parent"), body.string("from"), body.string("to"), body.string("sha256"),
                    HopCompression.of(body), body.optBool("delta", false), body.optBool("await", false));
            return Json.object("wireBytes", wire);
        });
        endpoint.handle(DistributionMessages.HOP_END, Access.MEMBER, (ctx, body) -> {
            master(ctx);
            grants.end(body.number("run"));
            links.end(body.number("run"));
            return Json.object();
        });
        endpoint.handleDownload(DistributionMessages.HOP_DELTA, Access.TICKET, (ctx, body, out) -> {
            String path = body.string("path");
            grants.check(ctx.principal(), body.optString("ticket", null), body.optString("secret", null), path);
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(body.string("signature"));
            } catch (IllegalArgumentException e) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "The signature is not Base64.");
            }
            root.delta(path, signature, HopCompression.of(body), body.string("sha256"), body.optBool("await", false), out);
            return Json.object();
        });
    }

    private static void master(RequestContext ctx) {
        if (!Enrollment.isJoinedServer(ctx.principal())) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only the master this agent joined may grant, open or end hops.");
        }
    }
}
