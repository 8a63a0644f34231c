package org.syncline.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's own streams as {@link Connection} uses them: a download's sink (this class, wrapping it) and an upload's
 * source ({@link #read}, {@link #available}). Their failures (a full disk, a closed pipe, a file that went away) come
 * out as {@link Failure}, so they are not taken for the link's. The sink passes each array on as it came (the
 * receiver's chunks go out without a copy).
 */
final class CallerStreams extends OutputStream {
    /** The caller's own IOException (its sink's or its source's), as its cause. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        Failure(IOException cause) {
            super(cause.getMessage() != null ? cause.getMessage() : cause.toString(), cause); // an EOFException has no message
        }
    }

    private final OutputStream sink;

    /** {@code source.read(buf)}, its failure a {@link Failure}. */
    static int read(java.io.InputStream source, byte[] buf) throws Failure {
        try {
            return source.read(buf);
        } catch (IOException e) {
            throw new Failure(e);
        }
    }

    /** {@code source.available()}, its failure a {@link Failure}. */
    static int available(java.io.InputStream source) throws Failure {
        try {
            return source.available();
        } catch (IOException e) {
            throw new Failure(e);
        }
    }

    CallerStreams(OutputStream sink) {
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
