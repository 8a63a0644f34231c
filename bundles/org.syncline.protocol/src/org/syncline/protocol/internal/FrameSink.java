package org.syncline.protocol.internal;

import org.syncline.protocol.Frame;

/** Where a stream writes its frames: a MINA session, or anything else in a test. */
@FunctionalInterface
public interface FrameSink {
    void send(Frame frame);
}
