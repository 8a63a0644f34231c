package org.syncline.protocol;

import java.util.Map;

import org.syncline.core.json.JsonObject;

/** Answers one request type with a JSON body; throws SynclineException to answer with an error. */
@FunctionalInterface
public interface RequestHandler {
    Map<String, Object> handle(RequestContext context, JsonObject body) throws Exception;
}
