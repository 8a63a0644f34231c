package org.syncline.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;
import org.syncline.protocol.ProtocolConstants;
import org.syncline.protocol.ServerIdentity;
import org.syncline.testing.TrustingAnyServer;

/**
 * TlsFilter writes a sealed frame to the socket from the writing thread while MINA has nothing of the session
 * queued, and queues behind MINA otherwise: frames must arrive whole and in order either way (a TLS record
 * sent ahead of one still queued would fail the peer's decryption and close the session).
 */
class TlsFilterWriteTest {
    @TempDir
    Path dir;
    private NioSocketAcceptor acceptor;
    private NioSocketConnector connector;
    private final BlockingQueue<Frame> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<IoSession> serverSession = new CompletableFuture<>();
    private IoSession client;

    @BeforeEach
    void connect() throws Exception {
        ServerIdentity identity = ServerIdentity.loadOrCreate(dir.resolve("tls"), "test");
        acceptor = new NioSocketAcceptor();
        chain(acceptor.getFilterChain(), TlsFilter.server(identity.serverContext(), ProtocolConstants.TLS_PROTOCOL));
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void event(IoSession session, FilterEvent event) {
                if (event == SslEvent.SECURED) {
                    serverSession.complete(session);
                }
            }

            @Override
            public void messageReceived(IoSession session, Object message) {
                received.add((Frame) message);
            }
        });
        acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

        SSLContext ctx = SSLContext.getInstance(ProtocolConstants.TLS_PROTOCOL);
        ctx.init(null, new TrustManager[] {new TrustingAnyServer()}, new SecureRandom());
        connector = new NioSocketConnector();
        chain(connector.getFilterChain(), TlsFilter.client(ctx, ProtocolConstants.TLS_PROTOCOL));
        CompletableFuture<Void> secured = new CompletableFuture<>();
        connector.setHandler(new IoHandlerAdapter() {
            @Override
            public void event(IoSession session, FilterEvent event) {
                if (event == SslEvent.SECURED) {
                    secured.complete(null);
                }
            }
        });
        client = connector.connect(acceptor.getLocalAddress()).awaitUninterruptibly().getSession();
        secured.get(10, TimeUnit.SECONDS);
        serverSession.get(10, TimeUnit.SECONDS);
        awaitDrained();
    }

    @AfterEach
    void close() {
        connector.dispose(true);
        acceptor.dispose(true);
    }

    @Test
    void aFrameOnAnIdleSessionLeavesFromTheWritingThread() throws Exception {
        WriteFuture written = client.write(data(0, new byte[ProtocolConstants.CHUNK_SIZE]));
        // MINA's own path completes the future later, on its I/O thread, after a queue and a wakeup
        assertTrue(written.isWritten(), "the frame was handed to MINA's queue although nothing was queued");
        assertEquals(0, client.getScheduledWriteBytes());
        Frame f = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(f);
        assertEquals(0, f.id());
    }

    @Test
    void framesWrittenWhileThePeerDoesNotReadQueueBehindMinaAndArriveWholeAndInOrder() throws Exception {
        IoSession server = serverSession.get();
        server.suspendRead();
        // more than loopback's socket buffers take (a few MiB each way), so the socket fills mid-frame
        int frames = 320;
        byte[] body = new byte[ProtocolConstants.CHUNK_SIZE];
        boolean queued = false;
        for (int i = 0; i < frames; i++) {
            if (i == frames / 2) {
                // the peer reads again while frames are still written: MINA's I/O thread drains its queue as
                // the socket takes bytes, and no write may overtake what is still queued
                assertTrue(queued, "the socket never filled, so MINA's queue was not exercised");
                server.resumeRead();
            }
            // one array refilled for every frame, as StreamSender does: the write must have sealed it
            Arrays.fill(body, (byte) i);
            client.write(data(i, body));
            queued |= client.getScheduledWriteBytes() > 0;
        }
        for (int i = 0; i < frames; i++) {
            Frame f = received.poll(20, TimeUnit.SECONDS);
            assertNotNull(f, "frame " + i + " did not arrive");
            assertEquals(i, f.id());
            byte[] expected = new byte[ProtocolConstants.CHUNK_SIZE];
            Arrays.fill(expected, (byte) i);
            assertArrayEquals(expected, f.body(), "frame " + i);
        }
        assertTrue(client.isConnected());
        // once MINA reported its queue sent, writes go from the writing thread again
        awaitDrained();
        assertTrue(client.write(data(frames, body)).isWritten());
        assertEquals(frames, received.poll(10, TimeUnit.SECONDS).id());
    }

    private void awaitDrained() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (TlsFilter.queuedWrites(client) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, TlsFilter.queuedWrites(client), "MINA did not report its queued writes sent");
    }

    private static Frame data(long id, byte[] body) {
        return new Frame(FrameKind.DATA, id, "", body);
    }

    private static void chain(org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder chain, TlsFilter tls) {
        chain.addLast("tls", tls);
        chain.addLast("frames", new ProtocolCodecFilter(new FrameCodecFactory(ProtocolConstants.DEFAULT_MAX_FRAME)));
    }
}
