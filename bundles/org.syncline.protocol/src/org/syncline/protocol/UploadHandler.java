package org.syncline.protocol;

import java.io.InputStream;
import java.util.Map;

import org.syncline.core.json.JsonObject;

/**
 * Answers a request that streams bytes in. The stream delivers the bytes as the client sends them, with
 * backpressure: reading slowly slows the client down.
 */
@FunctionalInterface
public interface UploadHandler {
    Map<String, Object> handle(RequestContext context, JsonObject body, InputStream data) throws Exception;
}
