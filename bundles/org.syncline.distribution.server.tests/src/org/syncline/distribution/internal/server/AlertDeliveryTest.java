package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.Alert;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.AlertRule;
import org.syncline.distribution.OutboxEntry;
import org.syncline.testing.ManualClock;

/** The alert outbox on real Derby: retry with a doubling pause, delivery after a restart at once, giving up with the reason. */
class AlertDeliveryTest extends WithMonitoringDatabase {
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

    @Test
    void aGivenUpEntryRetriedNowIsSentAtItsNextRoundAndEveryChangeIsTold() {
        TestChannel hook = new TestChannel();
        AlertChannels channels = channels(List.of(hook));
        List<OutboxEntry> told = new ArrayList<>();
        channels.onChange(told::add);
        raise(channels, "web-1");
        for (int i = 0; i < 3; i++) {
            channels.deliverDue();
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(List.of(OutboxEntry.PENDING, OutboxEntry.PENDING, OutboxEntry.FAILED), told.stream().map(OutboxEntry::state).toList());
        assertEquals(List.of(1, 2, 3), told.stream().map(OutboxEntry::attempts).toList());

        OutboxEntry retried = channels.retryNow(only().id());
        assertEquals(OutboxEntry.PENDING, retried.state());
        assertEquals(0, retried.attempts(), "a given-up entry gets its attempts again");
        assertEquals(clock.instant(), retried.nextAttempt());
        assertEquals("Gave up after 3 attempts: receiver down", retried.reason(), "the last reason stays until the next attempt");
        assertEquals(retried, told.get(3));
        hook.down = false;
        channels.deliverDue();
        assertEquals(1, hook.got.size());
        assertEquals(OutboxEntry.DELIVERED, only().state());
        assertEquals(only(), told.get(4));

        long id = only().id();
        SynclineException again = assertThrows(SynclineException.class, () -> channels.retryNow(id));
        assertEquals(ErrorCode.CONFLICT, again.code());
        assertEquals("Outbox entry " + id + " is delivered already; only pending or given-up (failed) entries can be retried.", again.getMessage());
        assertEquals(ErrorCode.CONFLICT, assertThrows(SynclineException.class, () -> channels.discard(id, "admin")).code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> channels.retryNow(id + 1)).code());
        assertEquals(5, told.size(), "refusals change nothing");
    }

    @Test
    void aDiscardedEntryIsNeverSentNotEvenWhenDiscardedDuringAnAttempt() {
        TestChannel hook = new TestChannel();
        AlertChannels channels = channels(List.of(hook));
        raise(channels, "web-1");
        channels.deliverDue();
        OutboxEntry discarded = channels.discard(only().id(), "admin");
        assertEquals(OutboxEntry.DISCARDED, discarded.state());
        assertEquals("Discarded by admin; the last failure: receiver down", discarded.reason());
        assertTrue(db.inTransaction(c -> OutboxTable.list(c, false, 10)).isEmpty(), "left out without all");
        hook.down = false;
        clock.advance(Duration.ofMinutes(1));
        channels.deliverDue();
        assertTrue(hook.got.isEmpty(), "never sent");

        // an admin discards while the sender's attempt is under way: the attempt's failure does not undo it
        AlertChannels[] sender = new AlertChannels[1];
        AlertChannels.OutsideChannel slow = new AlertChannels.OutsideChannel() {
            @Override
            public String name() {
                return "webhook http://127.0.0.1:9/hook";
            }

            @Override
            public void deliver(AlertEvent event) throws Exception {
                List<OutboxEntry> open = db.inTransaction(c -> OutboxTable.list(c, false, 10));
                sender[0].discard(open.get(0).id(), "admin");
                throw new java.io.IOException("receiver down");
            }
        };
        sender[0] = channels(List.of(slow));
        raise(sender[0], "web-2");
        sender[0].deliverDue();
        OutboxEntry second = db.inTransaction(c -> OutboxTable.list(c, true, 10)).get(0);
        assertEquals("web-2", second.target());
        assertEquals(OutboxEntry.DISCARDED, second.state());
        assertEquals(0, second.attempts());
    }
}
