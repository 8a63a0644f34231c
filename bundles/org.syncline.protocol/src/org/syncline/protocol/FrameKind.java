package org.syncline.protocol;

/** What a frame carries. The byte values are part of the wire format: never renumber. */
public enum FrameKind {
    /** Client's first frame: protocol version and client name (JSON). */
    HELLO(1),
    /** Server's answer to HELLO: server version, name, idle timeout (JSON). */
    WELCOME(2),
    /** A typed request with a JSON body; the id correlates the response. */
    REQUEST(3),
    /** A request whose body is followed by DATA frames with the same id (an upload). */
    UPLOAD(4),
    /** A request answered by DATA frames with the same id, then a RESPONSE (a download). */
    DOWNLOAD(5),
    RESPONSE(6),
    /** A failed request, or a refusal of the whole session when the id is 0: {code, message}. */
    ERROR(7),
    /** A server-initiated message with a type and a JSON body. */
    PUSH(8),
    /** Raw bytes of a stream. */
    DATA(9),
    /** The end of a stream. */
    END(10),
    /** The receiver may take this many more DATA frames of the stream (4-byte count). */
    CREDIT(11),
    PING(12),
    PONG(13);

    private final byte code;

    FrameKind(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The kind for a wire byte, or null when the byte is not a kind this version knows. */
    public static FrameKind of(byte code) {
        for (FrameKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
