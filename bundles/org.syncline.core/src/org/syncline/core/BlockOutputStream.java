package org.syncline.core;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that writes in blocks only: subclasses implement {@link #write(byte[], int, int)}, and the one-byte
 * {@link #write(int)} goes through it, so a stream's state (buffer, waiting, limits) lives in one method.
 */
public abstract class BlockOutputStream extends OutputStream {
    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public abstract void write(byte[] b, int off, int len) throws IOException;
}
