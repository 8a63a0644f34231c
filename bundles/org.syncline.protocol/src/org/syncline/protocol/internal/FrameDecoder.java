package org.syncline.protocol.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoderAdapter;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.syncline.core.ErrorCode;
import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;
import org.syncline.protocol.ProtocolConstants;

/**
 * Decodes the frames of one session as their bytes arrive, copying each byte once, straight from the
 * decrypted input into the frame's own body array; MINA's cumulative decoder copied every partial frame
 * into a growing buffer and compacted it on each read. The announced length is checked against the limit
 * as soon as its four bytes are in, before anything is allocated for the frame.
 */
final class FrameDecoder extends ProtocolDecoderAdapter {
    private static final byte[] NONE = new byte[0];
    private final IntSupplier maxFrame;
    /** Length, kind, id and type length of the frame being read. */
    private final ByteBuffer head = ByteBuffer.allocate(4 + Frame.HEADER);
    private int length;
    private FrameKind kind;
    private long id;
    private byte[] type;
    private byte[] body;
    private int filled;

    FrameDecoder(IntSupplier maxFrame) {
        this.maxFrame = maxFrame;
    }

    @Override
    public void decode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) {
        ByteBuffer src = in.buf();
        while (src.hasRemaining()) {
            if (type == null && !readHead(src)) {
                return;
            }
            if (body == null) {
                if (!fill(src, type)) {
                    return;
                }
                int size = length - Frame.HEADER - type.length;
                // a full DATA chunk reuses an array its stream's reader has finished with
                body = size == 0 ? NONE : kind == FrameKind.DATA && size == ProtocolConstants.CHUNK_SIZE ? ChunkPool.take() : new byte[size];
                filled = 0;
            }
            if (!fill(src, body)) {
                return;
            }
            out.write(new Frame(kind, id, new String(type, StandardCharsets.UTF_8), body));
            type = null;
            body = null;
            filled = 0;
        }
    }

    /**
     * Where the next bytes of the body being read belong, or null when the decoder is not in a body (a
     * header comes next, or nothing was decoded yet): {@link TlsFilter} decrypts straight into it, which
     * saves copying every body byte out of its buffer of decrypted bytes. Call {@link #bodyFilled} next.
     */
    ByteBuffer bodyRoom() {
        return body != null && filled < body.length ? ByteBuffer.wrap(body, filled, body.length - filled) : null;
    }

    /** Counts {@code n} bytes written into {@link #bodyRoom}; returns the frame once its body is complete. */
    Frame bodyFilled(int n) {
        filled += n;
        if (filled < body.length) {
            return null;
        }
        Frame f = new Frame(kind, id, new String(type, StandardCharsets.UTF_8), body);
        type = null;
        body = null;
        filled = 0;
        return f;
    }

    /** Reads the fixed header; true once it is complete and valid. */
    private boolean readHead(ByteBuffer src) {
        boolean hadLength = head.position() >= 4;
        move(src, head);
        if (!hadLength && head.position() >= 4) {
            int announced = head.getInt(0);
            int limit = maxFrame.getAsInt();
            if (announced > limit) {
                throw new FrameException(ErrorCode.FRAME_TOO_LARGE, "A frame of " + announced
                        + " bytes is larger than the limit of " + limit + " bytes; the connection is closed.");
            }
            if (announced < Frame.HEADER) {
                throw new FrameException(ErrorCode.PROTOCOL_ERROR,
                        "A frame announced an impossible length of " + announced + " bytes; the connection is closed.");
            }
        }
        if (head.hasRemaining()) {
            return false;
        }
        head.flip();
        length = head.getInt();
        byte kindCode = head.get();
        id = head.getLong();
        int typeLength = Short.toUnsignedInt(head.getShort());
        head.clear();
        kind = FrameKind.of(kindCode);
        if (kind == null) {
            throw new FrameException(ErrorCode.PROTOCOL_ERROR, "Unknown frame kind " + (kindCode & 0xff) + "; the connection is closed.");
        }
        if (typeLength > Frame.MAX_TYPE_LENGTH || typeLength > length - Frame.HEADER) {
            throw new FrameException(ErrorCode.PROTOCOL_ERROR, "A frame has a malformed message type; the connection is closed.");
        }
        type = typeLength == 0 ? NONE : new byte[typeLength];
        filled = 0;
        return true;
    }

    /** Copies into {@code target} from where the last call stopped; true once it is full. */
    private boolean fill(ByteBuffer src, byte[] target) {
        int n = Math.min(src.remaining(), target.length - filled);
        src.get(target, filled, n);
        filled += n;
        if (filled < target.length) {
            return false;
        }
        filled = 0;
        return true;
    }

    private static void move(ByteBuffer src, ByteBuffer dst) {
        int n = Math.min(src.remaining(), dst.remaining());
        dst.put(dst.position(), src, src.position(), n);
        dst.position(dst.position() + n);
        src.position(src.position() + n);
    }
}
