package org.syncline.protocol.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.CumulativeProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.apache.mina.filter.codec.ProtocolEncoderAdapter;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;
import org.syncline.core.ErrorCode;
import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;

/**
 * Encodes and decodes {@link Frame}s. The decoder checks a frame's announced length against the limit
 * before it waits for (or allocates) the body, so an oversized frame costs the server nothing.
 */
public final class FrameCodecFactory implements ProtocolCodecFactory {
    static {
        // MINA allocates (and zeroes) a fresh buffer per TLS record and frame by default; reusing them
        // was the largest cost of streaming in the profile (releng/benchmarks/stream-throughput.sh).
        IoBuffer.setAllocator(new org.apache.mina.core.buffer.CachedBufferAllocator());
    }

    private final int maxFrame;

    public FrameCodecFactory(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    @Override
    public ProtocolEncoder getEncoder(IoSession session) {
        return new ProtocolEncoderAdapter() {
            @Override
            public void encode(IoSession s, Object message, ProtocolEncoderOutput out) {
                Frame f = (Frame) message;
                byte[] type = f.type().getBytes(StandardCharsets.UTF_8);
                int length = Frame.HEADER + type.length + f.body().length;
                ByteBuffer header = ByteBuffer.allocate(4 + Frame.HEADER + type.length);
                header.putInt(length).put(f.kind().code()).putLong(f.id()).putShort((short) type.length).put(type);
                out.write(new FrameBuffers(header.flip(), ByteBuffer.wrap(f.body())));
            }
        };
    }

    @Override
    public ProtocolDecoder getDecoder(IoSession session) {
        return new CumulativeProtocolDecoder() {
            @Override
            protected boolean doDecode(IoSession s, IoBuffer in, ProtocolDecoderOutput out) {
                if (in.remaining() < 4) {
                    return false;
                }
                int length = in.getInt(in.position());
                if (length > maxFrame) {
                    throw new FrameException(ErrorCode.FRAME_TOO_LARGE, "A frame of " + length
                            + " bytes is larger than the limit of " + maxFrame + " bytes; the connection is closed.");
                }
                if (length < Frame.HEADER) {
                    throw new FrameException(ErrorCode.PROTOCOL_ERROR,
                            "A frame announced an impossible length of " + length + " bytes; the connection is closed.");
                }
                if (in.remaining() < 4 + length) {
                    return false;
                }
                in.getInt();
                byte kindCode = in.get();
                long id = in.getLong();
                int typeLength = in.getUnsignedShort();
                FrameKind kind = FrameKind.of(kindCode);
                if (kind == null) {
                    throw new FrameException(ErrorCode.PROTOCOL_ERROR,
                            "Unknown frame kind " + (kindCode & 0xff) + "; the connection is closed.");
                }
                if (typeLength > Frame.MAX_TYPE_LENGTH || typeLength > length - Frame.HEADER) {
                    throw new FrameException(ErrorCode.PROTOCOL_ERROR,
                            "A frame has a malformed message type; the connection is closed.");
                }
                byte[] type = new byte[typeLength];
                in.get(type);
                byte[] body = new byte[length - Frame.HEADER - typeLength];
                in.get(body);
                out.write(new Frame(kind, id, new String(type, StandardCharsets.UTF_8), body));
                return true;
            }
        };
    }
}
