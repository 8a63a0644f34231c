package org.syncline.documents.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ObjLongConsumer;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

/** Reads a node's inventory as it streams in, a line {@code <sha256> <size>} at a time, never the whole list. */
final class InventoryLines extends OutputStream {
    private static final int MAX_LINE = 128;
    private final ObjLongConsumer<String> each;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(MAX_LINE);

    InventoryLines(ObjLongConsumer<String> each) {
        this.each = each;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            String text = line.toString(StandardCharsets.US_ASCII);
            line.reset();
            int space = text.indexOf(' ');
            String sha = space < 0 ? "" : text.substring(0, space);
            if (!Sha256.isHex(sha)) {
                throw new SynclineException(ErrorCode.PROTOCOL_ERROR, "The storage node sent an unreadable inventory line.");
            }
            long size;
            try {
                size = Long.parseLong(text.substring(space + 1));
            } catch (NumberFormatException e) {
                throw new SynclineException(ErrorCode.PROTOCOL_ERROR, "The storage node sent an inventory line without a size.");
            }
            each.accept(sha, size);
        } else if (line.size() >= MAX_LINE) {
            throw new SynclineException(ErrorCode.PROTOCOL_ERROR, "The storage node sent an inventory line that is too long.");
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }
}
