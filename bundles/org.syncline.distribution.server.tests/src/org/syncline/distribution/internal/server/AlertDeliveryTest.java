package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.distribution.Alert;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.AlertRule;
import org.syncline.distribution.OutboxEntry;
import org.syncline.store.Database;
import org.syncline.testing.ManualClock;

/** The alert outbox on real Derby: retry with a doubling pause, delivery after a restart at once, giving up with the reason. */
class AlertDeliveryTest {
    @TempDir
    Path tmp;
    private Database db;
    private final ManualClock clock = new ManualClock();


    /** A channel that fails with "receiver down" while {@code down}, else keeps what it gets. */
    private static final class TestChannel implements AlertChannels.OutsideChannel {
        final List<AlertEvent> got = new ArrayList<>();
        boolean down = true;

        @Override
        public String name() {
            return "webhook http://127.0.0.1:9/hook";
        }

        @Override
        public void deliver(AlertEvent event) throws Exception {
            if (down) {
                throw new java.io.IOException("receiver down");
            }
            got.add(event);
        }
    }

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("db"));
        db.migrate("distribution", MonitoringSchema.MIGRATIONS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private AlertChannels channels(List<AlertChannels.OutsideChannel> outside) {
        return new AlertChannels(null, db, outside, clock, Duration.ofSeconds(2), 3);
    }

    private AlertEvent raise(AlertChannels channels, String target) {
        AlertRule rule = db.inTransaction(c -> AlertTables.insertRule(c, new AlertRule(0, "silent", 5, "", 0, 0, 0, ""), "admin", clock.instant()));
        return db.inTransaction(c -> {
            Alert a = AlertTables.insertAlert(c, rule, target, clock.instant(), target + " is quiet");
            AlertEvent e = new AlertEvent(AlertEvent.RAISED, a);
            channels.record(c, e);
            return e;
        });
    }

    private OutboxEntry only() {
        List<OutboxEntry> all = db.inTransaction(c -> OutboxTable.list(c, true, 10));
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void aFailedDeliveryWaitsADoublingPauseAndARestartedMasterSendsItAtOnce() {
        TestChannel hook = new TestChannel();
        AlertChannels first = channels(List.of(hook));
        AlertEvent raised = raise(first, "web-1");
        assertEquals(OutboxEntry.PENDING, only().state(), "written with the alert");

        first.deliverDue();
        OutboxEntry e = only();
        assertEquals(1, e.attempts());
        assertEquals("receiver down", e.reason());
        assertEquals(clock.instant().plusSeconds(2), e.nextAttempt());
        first.deliverDue();
        assertEquals(1, only().attempts(), "not due yet");
        clock.advance(Duration.ofMillis(2_000));
        first.deliverDue();
        assertEquals(2, only().attempts());
        assertEquals(clock.instant().plusSeconds(4), only().nextAttempt(), "the pause doubles");

        hook.down = false;
        AlertChannels restarted = channels(List.of(hook));
        restarted.deliverDue();
        assertEquals(List.of(raised), hook.got, "sent at once after a restart, not at its next time");
        assertEquals(OutboxEntry.DELIVERED, only().state());
        assertEquals(3, only().attempts());
        assertTrue(db.inTransaction(c -> OutboxTable.list(c, false, 10)).isEmpty(), "delivered entries are left out without all");
        restarted.deliverDue();
        assertEquals(1, hook.got.size(), "sent once");
    }

    @Test
    void aDeliveryIsGivenUpAfterTheAttemptLimitWithItsReason() {
        TestChannel hook = new TestChannel();
        AlertChannels channels = channels(List.of(hook));
        raise(channels, "db-1");
        for (int i = 0; i < 5; i++) {
            channels.deliverDue();
            clock.advance(Duration.ofMillis(60_000));
        }
        OutboxEntry e = only();
        assertEquals(OutboxEntry.FAILED, e.state());
        assertEquals(3, e.attempts());
        assertEquals("Gave up after 3 attempts: receiver down", e.reason());
        assertEquals("db-1", e.target());
    }

    @Test
    void anEntryForAChannelTheMasterNoLongerHasFailsWithThatReason() {
        raise(channels(List.of(new TestChannel())), "web-2");
        channels(List.of()).deliverDue();
        OutboxEntry e = only();
        assertEquals(OutboxEntry.FAILED, e.state());
        assertTrue(e.reason().startsWith("This master no longer has the channel webhook http://127.0.0.1:9/hook"), e.reason());
    }
}
