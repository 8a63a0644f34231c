package org.syncline.protocol;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;

/** The body of an ERROR frame: a code and one sentence. */
public record ProtocolError(ErrorCode code, String message) {

    public static ProtocolError of(SynclineException e) {
        return new ProtocolError(e.code(), e.getMessage());
    }

    public static ProtocolError from(JsonObject body) {
        return new ProtocolError(ErrorCode.parse(body.optString("code", "INTERNAL")),
                body.optString("message", "The server reported an error without a message."));
    }

    public SynclineException toException() {
        return new SynclineException(code, message);
    }
}
