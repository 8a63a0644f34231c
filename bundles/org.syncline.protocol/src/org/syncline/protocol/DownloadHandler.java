package org.syncline.protocol;

import java.io.OutputStream;
import java.util.Map;

import org.syncline.core.json.JsonObject;

/**
 * Answers a request by streaming bytes out; writes block while the client is behind. The returned map is
 * sent as the RESPONSE after the stream ends.
 */
@FunctionalInterface
public interface DownloadHandler {
    Map<String, Object> handle(RequestContext context, JsonObject body, OutputStream out) throws Exception;
}
