package org.syncline.protocol;

/** Numbers both ends must agree on. */
public final class ProtocolConstants {
    /** Bumped on any incompatible change of frames or built-in messages. */
    public static final int VERSION = 1;
    public static final int DEFAULT_MAX_FRAME = 16 * 1024 * 1024;
    /** Size of a DATA frame's payload when streaming. */
    public static final int CHUNK_SIZE = 64 * 1024;
    /** DATA frames a receiver lets the sender have in flight before it must wait for CREDIT. */
    public static final int STREAM_WINDOW = 16;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 90;
    public static final String TLS_PROTOCOL = "TLSv1.3";

    /** Built-in request types that the protocol layer handles itself. */
    public static final String LOGIN = "session.login";
    public static final String SUBSCRIBE = "session.subscribe";

    private ProtocolConstants() {
    }

    /** Frames other than HELLO and LOGIN a session may send before it is logged in; more close it. */
    public static final int MAX_FRAMES_BEFORE_LOGIN = 256;
}
