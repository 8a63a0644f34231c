package org.syncline.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A download's sink as {@link Connection#download} writes to it: its failures (a full disk, a closed pipe) come out as
 * {@link Failure}, so they are not taken for the link's. Passes each array on as it came (the receiver's chunks go
 * out without a copy).
 */
final class SinkGuard extends OutputStream {
    /** The sink's own IOException, as its cause. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        Failure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final OutputStream sink;

    SinkGuard(OutputStream sink) {
        this.sink = sink;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            sink.write(b);
        } catch (IOException e) {
            throw new Failure(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            sink.write(b, off, len);
        } catch (IOException e) {
            throw new Failure(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            sink.flush();
        } catch (IOException e) {
            throw new Failure(e);
        }
    }
}
