package org.syncline.protocol.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.ssl.SslEvent;
import org.syncline.protocol.Frame;
import org.syncline.protocol.ProtocolConstants;

/**
 * TLS on an {@link SSLEngine}, in place of MINA's SslFilter. MINA's filter keeps at most six records ahead
 * of the socket, encrypts the rest on the I/O thread as writes complete, and throws a
 * BufferOverflowException once 64 writes wait; that capped a stream at a third of a raw TLS socket and broke
 * many concurrent streams (releng/benchmarks/RESULTS.md). Here every frame is encrypted whole, on the thread
 * that writes it, into one buffer; that thread also writes it to the socket while MINA has none of the
 * session's writes queued ({@link SessionChannel}), and hands it to MINA's queue otherwise, so records leave
 * in the order they were sealed. The I/O thread decrypts and writes only what was queued. Fires MINA's {@link SslEvent#SECURED} when the handshake is done, as SslFilter did.
 */
public final class TlsFilter extends IoFilterAdapter {
    private static final AttributeKey STATE = new AttributeKey(TlsFilter.class, "state");
    /** The largest plaintext of one TLS record. */
    private static final int MAX_RECORD = 16 * 1024;
    /**
     * Sealed-chunk buffers kept per session: as many as the write backlog lets wait for the socket, and a
     * few more; with only a window's worth (16) the pool ran dry and a third of the stream's allocations
     * were fresh 64 KiB buffers (JFR, releng/benchmarks/RESULTS.md).
     */
    private static final int MAX_SPARES = (int) (WriteBacklog.HIGH_WATER / ProtocolConstants.CHUNK_SIZE) + 8;

    private final SSLContext context;
    private final boolean client;
    private final String[] protocols;

    private TlsFilter(SSLContext context, boolean client, String... protocols) {
        this.context = context;
        this.client = client;
        this.protocols = protocols;
    }

    public static TlsFilter server(SSLContext context, String... protocols) {
        return new TlsFilter(context, false, protocols);
    }

    public static TlsFilter client(SSLContext context, String... protocols) {
        return new TlsFilter(context, true, protocols);
    }

    @Override
    public void sessionCreated(NextFilter next, IoSession session) throws Exception {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(client);
        engine.setEnabledProtocols(protocols);
        session.setAttribute(STATE, new TlsSession(engine, next, SessionChannel.of(session)));
        next.sessionCreated(session);
    }

    @Override
    public void sessionOpened(NextFilter next, IoSession session) throws Exception {
        if (client) {
            TlsSession tls = state(session);
            tls.engine.beginHandshake();
            progress(next, session, tls, tls.engine.getHandshakeStatus());
        }
        next.sessionOpened(session);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        TlsSession tls = state(session);
        IoBuffer received = (IoBuffer) message;
        try {
            unwrap(next, session, tls, received.buf());
        } finally {
            // every byte was decrypted or copied into tls.partial, so MINA's read buffer goes back to its
            // allocator's pool; MINA itself frees only the buffers it did not pass up the chain (it allocated
            // a fresh 64 KiB buffer per socket read)
            received.free();
        }
    }

    private void unwrap(NextFilter next, IoSession session, TlsSession tls, ByteBuffer received) throws Exception {
        ByteBuffer net = tls.append(received);
        FrameDecoder decoder = FrameCodecFactory.decoder(session);
        try {
            while (net.hasRemaining()) {
                ByteBuffer room = decoder != null && tls.plain.position() == 0 ? decoder.bodyRoom() : null;
                SSLEngineResult r;
                if (room != null) {
                    // the decoder is in the middle of a body and has everything before it: the record is
                    // decrypted straight into the body's array, and only what lies beyond the body's end
                    // (the next frame's header) into tls.plain
                    int start = room.position();
                    tls.targets[0] = room;
                    tls.targets[1] = tls.plain;
                    try {
                        r = tls.engine.unwrap(net, tls.targets);
                    } finally {
                        tls.targets[0] = null;
                        tls.targets[1] = null;
                    }
                    int direct = room.position() - start;
                    Frame whole = direct > 0 ? decoder.bodyFilled(direct) : null;
                    if (whole != null) {
                        // ProtocolCodecFilter passes what is not a buffer on to the handler as it is
                        next.messageReceived(session, whole);
                    }
                } else {
                    r = tls.engine.unwrap(net, tls.plain);
                }
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    deliver(next, session, tls);
                    tls.ensurePlainRoom();
                    continue;
                }
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    deliver(next, session, tls);
                    session.closeNow();
                    return;
                }
                progress(next, session, tls, r.getHandshakeStatus());
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    break;
                }
                if (decoder != null || tls.plain.remaining() < tls.engine.getSession().getApplicationBufferSize()) {
                    // with a decoder, at once: it may then be in a body that the next records go straight to
                    deliver(next, session, tls);
                }
            }
            deliver(next, session, tls);
        } finally {
            tls.keepRest(net);
        }
    }

    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        Object message = request.getMessage();
        TlsSession tls = state(session);
        if (tls == null || !(message instanceof IoBuffer || message instanceof FrameBuffers)) {
            if (tls != null) {
                synchronized (tls) {
                    queue(next, session, tls, request);
                }
            } else {
                next.filterWrite(session, request);
            }
            return;
        }
        boolean sent;
        synchronized (tls) {
            if (!tls.secured) {
                // written before the handshake finished: sent, in order, right after it; copied, because a
                // stream writer reuses its chunk buffer as soon as the write returns (FrameSink)
                if (message instanceof FrameBuffers f) {
                    request.setMessage(new FrameBuffers(copy(f.parts())));
                }
                tls.early.add(request);
                return;
            }
            IoBuffer sealed = encrypt(tls, parts(message));
            request.setMessage(sealed);
            // with nothing of this session in MINA's queue or on its I/O thread, the socket is written here,
            // in the writer's thread: no queue, selector wakeup or thread switch per frame; what the socket
            // does not take at once goes to MINA's queue, behind which every later write then waits
            sent = tls.queued.get() == 0 && tls.channel != null && tls.channel.writeNow(sealed.buf());
            if (!sent) {
                queue(next, session, tls, request);
            }
        }
        if (sent) {
            request.getFuture().setWritten();
            messageSent(tls.next, session, request, tls);
        }
    }

    /** Hands a write to MINA's queue; counted until MINA reports it sent ({@link #messageSent}). */
    private static void queue(NextFilter next, IoSession session, TlsSession tls, WriteRequest request) {
        tls.queued.incrementAndGet();
        next.filterWrite(session, request);
    }

    @Override
    public void messageSent(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        TlsSession tls = state(session);
        if (tls != null) {
            // only writes this filter queued come back from MINA's I/O thread
            tls.queued.decrementAndGet();
        }
        if (request instanceof HandshakeWrite) {
            return;
        }
        messageSent(next, session, request, tls);
    }

    private static void messageSent(NextFilter next, IoSession session, WriteRequest request, TlsSession tls) {
        if (tls != null && request.getMessage() instanceof IoBuffer sent) {
            tls.recycle(sent.buf());
        }
        next.messageSent(session, request);
    }

    private static ByteBuffer[] copy(ByteBuffer[] parts) {
        ByteBuffer[] c = new ByteBuffer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            c[i] = ByteBuffer.allocate(parts[i].remaining()).put(parts[i].duplicate()).flip();
        }
        return c;
    }

    private static ByteBuffer[] parts(Object message) {
        return message instanceof FrameBuffers f ? f.parts() : new ByteBuffer[] {((IoBuffer) message).buf()};
    }

    /** Encrypts all of {@code parts} into one buffer of as many records as they need. */
    private static IoBuffer encrypt(TlsSession tls, ByteBuffer[] parts) throws SSLException {
        long plain = 0;
        for (ByteBuffer p : parts) {
            plain += p.remaining();
        }
        ByteBuffer out = tls.sealBuffer(plain);
        do {
            SSLEngineResult r = tls.engine.wrap(parts, out);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2);
                out.flip();
                out = bigger.put(out);
            } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("The TLS session is closed.");
            }
        } while (hasRemaining(parts));
        return IoBuffer.wrap(out.flip());
    }

    private static boolean hasRemaining(ByteBuffer[] parts) {
        for (ByteBuffer p : parts) {
            if (p.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Runs the handshake as far as it can go without data from the peer. */
    private void progress(NextFilter next, IoSession session, TlsSession tls, HandshakeStatus status) throws SSLException {
        while (true) {
            switch (status) {
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = tls.engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                    status = tls.engine.getHandshakeStatus();
                }
                case NEED_WRAP -> {
                    synchronized (tls) {
                        ByteBuffer out = ByteBuffer.allocate(tls.engine.getSession().getPacketBufferSize());
                        SSLEngineResult r = tls.engine.wrap(ByteBuffer.allocate(0), out);
                        if (r.bytesProduced() > 0) {
                            queue(next, session, tls, new HandshakeWrite(IoBuffer.wrap(out.flip())));
                        }
                        status = r.getHandshakeStatus();
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            return;
                        }
                    }
                }
                case FINISHED -> {
                    secured(next, session, tls);
                    return;
                }
                default -> {
                    // NEED_UNWRAP waits for the peer; NOT_HANDSHAKING is done
                    return;
                }
            }
        }
    }

    private void secured(NextFilter next, IoSession session, TlsSession tls) throws SSLException {
        List<WriteRequest> early;
        synchronized (tls) {
            if (tls.secured) {
                return;
            }
            tls.secured = true;
            for (WriteRequest request : tls.early) {
                request.setMessage(encrypt(tls, parts(request.getMessage())));
                queue(next, session, tls, request);
            }
            early = tls.early;
            tls.early = List.of();
        }
        early.clear();
        next.event(session, SslEvent.SECURED);
    }

    private static void deliver(NextFilter next, IoSession session, TlsSession tls) {
        if (tls.plain.position() > 0) {
            tls.plain.flip();
            // the decoder keeps a copy of what it cannot decode yet, so the buffer is reused at once
            next.messageReceived(session, IoBuffer.wrap(tls.plain));
            tls.plain.clear();
        }
    }

    /** Writes of the session in MINA's queue or on its I/O thread, not yet reported sent (for tests). */
    static int queuedWrites(IoSession session) {
        return state(session).queued.get();
    }

    private static TlsSession state(IoSession session) {
        return (TlsSession) session.getAttribute(STATE);
    }

    /** A write of the handshake itself, which no filter above this one asked for. */
    private static final class HandshakeWrite extends DefaultWriteRequest {
        HandshakeWrite(IoBuffer data) {
            super(data);
        }
    }

    /** The engine of one session and the bytes it holds between reads. */
    private static final class TlsSession {
        final SSLEngine engine;
        /** This filter's place in the session's chain, for the messageSent of a write sent here. */
        final NextFilter next;
        /** The socket, for writes from the writing thread; null where MINA's queue must be used. */
        final SessionChannel channel;
        /**
         * Writes handed to MINA's queue and not yet reported sent; guarded by this for increments. While it is
         * above zero MINA's I/O thread may be writing the socket, so every write queues behind it.
         */
        final AtomicInteger queued = new AtomicInteger();
        /** Decrypted bytes not yet handed to the decoder; touched by the I/O thread only. */
        ByteBuffer plain;
        /** The body being decoded and tls.plain, for one unwrap; I/O thread only. */
        final ByteBuffer[] targets = new ByteBuffer[2];
        /** The start of a record whose rest has not arrived; I/O thread only. */
        ByteBuffer partial;
        /** Guarded by this: writes wait for the handshake, and records go out in the order they were sealed. */
        boolean secured;
        List<WriteRequest> early = new ArrayList<>();
        /**
         * Buffers of sealed DATA frames that the socket has taken, for the next ones: a fresh 64 KiB
         * buffer per frame kept the young generation of a small heap collecting several times a second.
         */
        private final ConcurrentLinkedQueue<ByteBuffer> spare = new ConcurrentLinkedQueue<>();
        private final AtomicInteger spares = new AtomicInteger();
        private final int sealedChunk;

        TlsSession(SSLEngine engine, NextFilter next, SessionChannel channel) {
            this.engine = engine;
            this.next = next;
            this.channel = channel;
            sealedChunk = sealedSize(ProtocolConstants.CHUNK_SIZE + 4 + Frame.HEADER + Frame.MAX_TYPE_LENGTH);
            plain = ByteBuffer.allocate(4 * engine.getSession().getApplicationBufferSize());
            partial = ByteBuffer.allocate(engine.getSession().getPacketBufferSize()).flip();
        }

        /** The bytes to unwrap: the new ones alone, or appended to a partial record. */
        ByteBuffer append(ByteBuffer received) {
            if (!partial.hasRemaining()) {
                return received;
            }
            partial.compact();
            if (partial.remaining() < received.remaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(partial.position() + received.remaining());
                partial = bigger.put(partial.flip());
            }
            return partial.put(received).flip();
        }

        void keepRest(ByteBuffer net) {
            if (net == partial) {
                return;
            }
            if (partial.capacity() < net.remaining()) {
                partial = ByteBuffer.allocate(net.remaining());
            }
            partial.clear();
            partial.put(net).flip();
        }

        private int sealedSize(long plain) {
            int packet = engine.getSession().getPacketBufferSize();
            int records = (int) Math.max(1, (plain + MAX_RECORD - 1) / MAX_RECORD);
            return records * (packet - MAX_RECORD) + (int) plain + packet;
        }

        /** An empty buffer large enough to seal {@code plain} bytes. */
        ByteBuffer sealBuffer(long plain) {
            int size = sealedSize(plain);
            if (size > sealedChunk || size < sealedChunk / 2) {
                return ByteBuffer.allocate(size);
            }
            ByteBuffer b = spare.poll();
            if (b == null) {
                return ByteBuffer.allocate(sealedChunk);
            }
            spares.decrementAndGet();
            return b.clear();
        }

        void recycle(ByteBuffer sent) {
            if (sent.capacity() == sealedChunk && spares.incrementAndGet() <= MAX_SPARES) {
                spare.offer(sent);
            } else if (sent.capacity() == sealedChunk) {
                spares.decrementAndGet();
            }
        }

        void ensurePlainRoom() {
            int need = engine.getSession().getApplicationBufferSize();
            if (plain.remaining() < need) {
                plain = ByteBuffer.allocate(plain.capacity() + need);
            }
        }
    }
}
