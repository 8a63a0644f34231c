package org.syncline.protocol.internal;

import org.syncline.protocol.Frame;

/**
 * Where a stream writes its frames: a MINA session, or anything else in a test. The frame's body belongs to
 * the caller again once {@link #send} returns ({@link StreamSender} refills it with the next chunk): a
 * session seals it into TLS records before the write returns; a sink that keeps the body must copy it.
 */
@FunctionalInterface
public interface FrameSink {
    void send(Frame frame);
}
