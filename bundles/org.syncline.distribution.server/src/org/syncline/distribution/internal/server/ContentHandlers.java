package org.syncline.distribution.internal.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.server.api.Enrollment;

/**
 * The {@code distribution.content.*} messages on an agent: only the master this agent joined (its member login
 * at the agent's endpoint) may scan, read or change the distribution root.
 */
final class ContentHandlers {
    private final CapabilityEndpoint endpoint;
    private final ContentRoot root;
    private final ScanAnswers scans;

    ContentHandlers(CapabilityEndpoint endpoint, ContentRoot root, ScanAnswers scans) {
        this.endpoint = endpoint;
        this.root = root;
        this.scans = scans;
    }

    void register() {
        endpoint.handle(DistributionMessages.CONTENT_SCAN, Access.MEMBER, (ctx, body) -> {
            master(ctx);
            String dir = body.string("dir");
            return scans.answer(dir, body.optString("since", ""), Listing.of(root.scan(dir)));
        });
        endpoint.handleDownload(DistributionMessages.CONTENT_SCAN_STREAM, Access.MEMBER, (ctx, body, out) -> {
            master(ctx);
            String dir = body.string("dir");
            byte[] answer = Json.write(scans.answer(dir, body.optString("since", ""), Listing.of(root.scan(dir)))).getBytes(StandardCharsets.UTF_8);
            out.write(answer);
            return Json.object("bytes", (long) answer.length);
        });
        endpoint.handle(DistributionMessages.CONTENT_SIGNATURE, Access.MEMBER, (ctx, body) -> {
            master(ctx);
            return Json.object("signature", Base64.getEncoder().encodeToString(root.signature(body.string("path"))));
        });
        endpoint.handleDownload(DistributionMessages.CONTENT_DELTA, Access.MEMBER, (ctx, body, out) -> {
            master(ctx);
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(body.string("signature"));
            } catch (IllegalArgumentException e) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "The signature is not Base64.");
            }
            root.delta(body.string("path"), signature, HopCompression.of(body), body.string("sha256"), body.optBool("await", false), out);
            return Json.object();
        });
        endpoint.handleUpload(DistributionMessages.CONTENT_PATCH, Access.MEMBER, (ctx, body, data) -> {
            master(ctx);
            return Json.object("sha256", root.patch(body.string("path"), data, HopCompression.of(body), body.string("sha256"),
                    body.optBool("delta", true)));
        });
        endpoint.handle(DistributionMessages.CONTENT_CODECS, Access.MEMBER, (ctx, body) -> {
            master(ctx);
            return Json.object("codecs", HopCompression.CODECS);
        });
        endpoint.handle(DistributionMessages.CONTENT_DELETE, Access.MEMBER, (ctx, body) -> {
            master(ctx);
            return Json.object("deleted", root.delete(body.string("path")));
        });
    }

    private static void master(RequestContext ctx) {
        if (!Enrollment.isJoinedServer(ctx.principal())) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only the master this agent joined may read or change its distribution content.");
        }
    }
}
