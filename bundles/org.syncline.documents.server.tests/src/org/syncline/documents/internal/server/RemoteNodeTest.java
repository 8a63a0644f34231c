package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.server.api.Enrollment;
import org.syncline.store.EnrolledServer;

/**
 * The registry's link to a joined node while connecting to it hangs (a node dying: its kernel accepts the connection,
 * nothing answers the handshake): the heartbeat check and a node's hello do not wait for that connect, and calls
 * that waited for it find the node marked down meanwhile instead of connecting again.
 */
class RemoteNodeTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch connectStarted = new CountDownLatch(1);
    private final CountDownLatch connectEnds = new CountDownLatch(1);
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final RemoteNode node = new RemoteNode("large", "m1", new HostPort("127.0.0.1", 9), new HangingEnrollment(), up::get, () -> {
    });

    @AfterEach
    void stop() {
        connectEnds.countDown();
        pool.shutdownNow();
    }

    @Test
    void closingAnIdleLinkAndMovingDoNotWaitForAHangingConnect() throws Exception {
        Future<?> call = pool.submit(() -> node.delete("a".repeat(64)));
        assertTrue(connectStarted.await(10, TimeUnit.SECONDS));

        Future<?> heartbeatCheck = pool.submit(node::closeIfIdle);
        heartbeatCheck.get(10, TimeUnit.SECONDS);
        Future<?> hello = pool.submit(() -> node.moved(new HostPort("127.0.0.1", 10)));
        hello.get(10, TimeUnit.SECONDS);
        assertEquals(1, connectEnds.getCount(), "both returned while the connect still hung");

        connectEnds.countDown();
        SynclineException failed = (SynclineException) assertThrows(java.util.concurrent.ExecutionException.class,
                () -> call.get(10, TimeUnit.SECONDS)).getCause();
        assertEquals(ErrorCode.CONNECTION_FAILED, failed.code());
        assertTrue(failed.getMessage().contains("'large'"), failed.getMessage());
    }

    @Test
    void callsThatWaitedForAFailedConnectFindTheNodeDownWithoutConnectingAgain() throws Exception {
        Future<?> first = pool.submit(() -> node.delete("a".repeat(64)));
        assertTrue(connectStarted.await(10, TimeUnit.SECONDS));
        List<Future<?>> waiting = List.of(pool.submit(() -> node.delete("b".repeat(64))), pool.submit(() -> node.exists("c".repeat(64))));
        Thread.sleep(200); // let them reach the connect lock; they find the node down either way
        up.set(false);
        connectEnds.countDown();
        for (Future<?> f : List.of(first, waiting.get(0), waiting.get(1))) {
            Throwable cause = assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
            assertEquals(ErrorCode.CONNECTION_FAILED, ((SynclineException) cause).code());
        }
        assertEquals(1, connects.get(), "one connect, not one per waiting call");
        assertTrue(((SynclineException) assertThrows(java.util.concurrent.ExecutionException.class,
                () -> waiting.get(0).get()).getCause()).getMessage().contains("is down"));
    }

    /** An enrollment whose connect to a member hangs until {@link #connectEnds}, then fails as a dead node's does. */
    private final class HangingEnrollment implements Enrollment {
        @Override
        public Connection connectToMember(String id, HostPort address, String clientName, boolean reconnect) {
            connects.incrementAndGet();
            connectStarted.countDown();
            try {
                connectEnds.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "The TLS handshake with " + address + " failed; is it a Syncline server?");
        }

        @Override
        public Optional<Membership> membership() {
            return Optional.empty();
        }

        @Override
        public Connection connectToJoined(String clientName, boolean reconnect) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "not joined");
        }

        @Override
        public InetSocketAddress listening() {
            return null;
        }

        @Override
        public List<EnrolledServer> members() {
            return List.of();
        }

        @Override
        public Optional<EnrolledServer> member(String id) {
            return Optional.empty();
        }
    }
}
