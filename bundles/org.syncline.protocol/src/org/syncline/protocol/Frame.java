package org.syncline.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/**
 * One unit on the wire: {@code int32 length | byte kind | int64 id | uint16 typeLength | type (UTF-8) | body}.
 * The length counts everything after itself. Control frames carry JSON in the body; DATA frames carry raw
 * bytes.
 */
public record Frame(FrameKind kind, long id, String type, byte[] body) {
    /** Bytes after the length field that every frame has: kind, id, type length. */
    public static final int HEADER = 1 + 8 + 2;
    public static final int MAX_TYPE_LENGTH = 256;

    public Frame {
        type = type == null ? "" : type;
        body = body == null ? new byte[0] : body;
    }

    public static Frame json(FrameKind kind, long id, String type, Map<String, Object> body) {
        return new Frame(kind, id, type, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    public static Frame error(long id, ProtocolError error) {
        return json(FrameKind.ERROR, id, "", Json.object("code", error.code().name(), "message", error.message()));
    }

    public static Frame credit(long id, int chunks) {
        return new Frame(FrameKind.CREDIT, id, "", ByteBuffer.allocate(4).putInt(chunks).array());
    }

    public JsonObject jsonBody() {
        return JsonObject.parse(new String(body, StandardCharsets.UTF_8));
    }

    /** What the frame's length field says: every byte after it (header, type, body). */
    public long length() {
        return HEADER + type.getBytes(StandardCharsets.UTF_8).length + (long) body.length;
    }

    public int creditCount() {
        return ByteBuffer.wrap(body).getInt();
    }


    @Override
    public String toString() {
        return kind + "#" + id + (type.isEmpty() ? "" : " " + type) + " (" + body.length + " bytes)";
    }
}
