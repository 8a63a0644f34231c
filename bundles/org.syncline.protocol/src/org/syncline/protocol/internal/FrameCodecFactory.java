package org.syncline.protocol.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.apache.mina.filter.codec.ProtocolEncoderAdapter;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;
import org.syncline.protocol.Frame;

/** Encodes {@link Frame}s as a header and a body buffer for {@link TlsFilter}; decodes them with {@link FrameDecoder}. */
public final class FrameCodecFactory implements ProtocolCodecFactory {
    static {
        // MINA allocates (and zeroes) a fresh buffer per TLS record and frame by default; reusing them
        // was the largest cost of streaming in the profile (releng/benchmarks/stream-throughput.sh).
        IoBuffer.setAllocator(new org.apache.mina.core.buffer.CachedBufferAllocator());
    }

    private static final String DECODER = "syncline.decoder";
    private final int maxFrame;
    private final int preLoginMaxFrame;

    /** For a client: one limit for every frame. */
    public FrameCodecFactory(int maxFrame) {
        this(maxFrame, maxFrame);
    }

    /** For the endpoint: a session that has not logged in yet gets the smaller limit. */
    public FrameCodecFactory(int maxFrame, int preLoginMaxFrame) {
        this.maxFrame = maxFrame;
        this.preLoginMaxFrame = Math.min(maxFrame, preLoginMaxFrame);
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

    /** The session's decoder, or null before the first bytes were decoded (or with another codec). */
    static FrameDecoder decoder(IoSession session) {
        return session.getAttribute(DECODER) instanceof FrameDecoder d ? d : null;
    }

    @Override
    public ProtocolDecoder getDecoder(IoSession session) {
        // one decoder per session: it holds the frame being read between reads
        ProtocolDecoder d = (ProtocolDecoder) session.getAttribute(DECODER);
        if (d == null) {
            d = new FrameDecoder(() -> {
                ServerSession st = ServerSession.of(session);
                return st == null || st.principal != null ? maxFrame : preLoginMaxFrame;
            });
            session.setAttribute(DECODER, d);
        }
        return d;
    }
}
