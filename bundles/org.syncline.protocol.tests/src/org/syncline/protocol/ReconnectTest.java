package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.json.Json;

class ReconnectTest {
    @TempDir
    Path dir;

    @Test
    void reconnectsAfterServerRestartAndResubscribes() throws Exception {
        TestServer first = server(0, "1");
        int port = first.address.port();
        char[] password = TestServer.PASSWORDS.get("alice").toCharArray();
        ConnectionSettings settings = new ConnectionSettings(first.address, "alice", password, "test",
                java.time.Duration.ofSeconds(20), true);
        try (Connection c = Connection.open(settings, new KnownServers(dir.resolve("known")), FingerprintPrompt.ACCEPT_NEW)) {
            // the caller wipes its copy, as the workbench does; reconnecting must still log in
            java.util.Arrays.fill(password, '\0');
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            List<String> pushes = new CopyOnWriteArrayList<>();
            c.addStateListener(states::add);
            c.onPush("p", b -> pushes.add(b.string("v")));
            c.subscribe("t");
            assertEquals(null, c.outage(), "a connected connection has no outage");
            java.time.Instant beforeLoss = java.time.Instant.now();
            List<org.syncline.core.Outage> seenByListener = new CopyOnWriteArrayList<>();
            c.addStateListener(s -> {
                if (s == ConnectionState.RECONNECTING) {
                    seenByListener.add(c.outage());
                }
            });
            first.close();
            // both listeners heard it (the first may be seen before the second ran)
            waitFor(() -> states.contains(ConnectionState.RECONNECTING) && !seenByListener.isEmpty());
            // the state's listeners already see since when, why and the next attempt
            org.syncline.core.Outage lost = seenByListener.get(0);
            assertTrue(!lost.since().isBefore(beforeLoss), "since the loss: " + lost);
            assertEquals("connection lost", lost.reason());
            assertTrue(lost.retryAt() != null && lost.retryAt().isAfter(lost.since()), "the next attempt is known: " + lost);
            // with nothing listening on the port the next attempts fail in the socket's own words
            waitFor(() -> c.outage() != null && "connection refused".equals(c.outage().reason()));
            assertEquals(lost.since(), c.outage().since(), "an outage keeps its start over failed attempts");
            // read over the next attempts (1 s, then 2 s apart): a reason always comes with when it is tried again,
            // also while an attempt runs ("retrying now"), never without (the agent printed "(connection refused)")
            long until = System.nanoTime() + 3_500_000_000L;
            int reads = 0;
            while (System.nanoTime() < until) {
                org.syncline.core.Outage o = c.outage();
                assertTrue(o != null && o.retryAt() != null, "the next attempt is known: " + o);
                reads++;
                Thread.onSpinWait();
            }
            assertTrue(reads > 1000, "read while attempts ran: " + reads);
            TestServer second = server(port, "2");
            try {
                waitFor(() -> c.state() == ConnectionState.CONNECTED);
                assertEquals(null, c.outage(), "connected again: no outage");
                assertEquals("2", c.server().version());
                assertTrue(c.request("test.ping", Json.object()).optBool("pong", false));
                second.endpoint.publish("t", "p", Json.object("v", "after"));
                waitFor(() -> pushes.contains("after"));
            } finally {
                second.close();
            }
        }
    }

    /**
     * A reconnect's new connection must carry HELLO first: requests other threads send meanwhile (an agent retrying
     * its sync, the keep-alive ping) once went out on it before the HELLO, and the server closed it for that, attempt
     * after attempt, so the client never got back.
     */
    @Test
    void reconnectsWhileAnotherThreadKeepsSendingRequests() throws Exception {
        TestServer first = server(0, "1");
        int port = first.address.port();
        ConnectionSettings settings = new ConnectionSettings(first.address, "alice", TestServer.PASSWORDS.get("alice").toCharArray(), "test",
                java.time.Duration.ofSeconds(20), true);
        try (Connection c = Connection.open(settings, new KnownServers(dir.resolve("known")), FingerprintPrompt.ACCEPT_NEW)) {
            first.close();
            waitFor(() -> c.state() == ConnectionState.RECONNECTING);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread retrying = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        c.request("test.ping", Json.object());
                    } catch (org.syncline.core.SynclineException e) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // not connected (yet): again in 1 ms, as a busy client would
                    }
                }
            }, "retrying requests");
            retrying.start();
            TestServer second = server(port, "2");
            try {
                waitFor(() -> c.state() == ConnectionState.CONNECTED && c.server().version().equals("2"));
                assertTrue(c.request("test.ping", Json.object()).optBool("pong", false));
            } finally {
                stop.set(true);
                retrying.join(30_000);
                second.close();
            }
        }
    }

    private TestServer server(int port, String version) throws Exception {
        return new TestServer(dir, EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), version, "t"), e -> {
            e.handle("test.ping", Access.USER, (ctx, b) -> Json.object("pong", true));
            e.topic("t", Access.USER);
        });
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
