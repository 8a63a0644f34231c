package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.AlertRule;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Server;

/** Rules as checked on the master, alerts raised once and cleared once (real Derby), agents' names. */
class AlertRulesTest extends WithMonitoringDatabase {

    @Test
    void rulesKeepOnlyTheFieldsOfTheirKindAndNameWhatIsMissing() {
        AlertRule r = AlertHandlers.checked(new AlertRule(9, "CPU", 7, "h", 80, 75, 30, "web-1"));
        assertEquals(new AlertRule(0, "cpu", 0, "", 0, 75, 30, "web-1"), r);
        assertEquals("cpu above 75% for 30 s on web-1", r.describe());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class,
                () -> AlertHandlers.checked(new AlertRule(0, "silent", 0, "", 0, 0, 0, ""))).code());
        assertTrue(assertThrows(SynclineException.class, () -> AlertHandlers.checked(new AlertRule(0, "port", 0, "db", 70000, 0, 0, "")))
                .getMessage().contains("--port"));
        assertTrue(assertThrows(SynclineException.class, () -> AlertHandlers.checked(new AlertRule(0, "disk", 0, "", 0, 100, 0, "")))
                .getMessage().contains("--above"));
    }

    @Test
    void anAlertIsRaisedOnceClearedOnceAndKeptInTheHistoryAcrossARestart() {
        AlertRule rule = db.inTransaction(c -> AlertTables.insertRule(c, new AlertRule(0, "silent", 5, "", 0, 0, 0, ""), "admin", Instant.now()));
        List<AlertEvent> sent = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        AlertBook book = new AlertBook(db, clock, sent::add);
        book.raise(rule, "web-1", "quiet");
        book.raise(rule, "web-1", "quiet again");
        assertEquals(1, sent.size());
        assertTrue(book.anyOpenFor("web-1"));

        AlertBook restarted = new AlertBook(db, clock, sent::add);
        restarted.raise(rule, "web-1", "after a restart");
        assertEquals(1, sent.size(), "an open alert is not raised again after a restart");
        restarted.clear(rule.id(), "web-1");
        restarted.clear(rule.id(), "web-1");
        assertEquals(2, sent.size());
        assertEquals(AlertEvent.CLEARED, sent.get(1).event());
        var history = db.inTransaction(c -> AlertTables.alerts(c, true, 10));
        assertEquals(1, history.size());
        assertEquals("quiet", history.get(0).message());
        assertTrue(!history.get(0).isOpen());
        assertTrue(db.inTransaction(c -> AlertTables.alerts(c, false, 10)).isEmpty());
    }

    @Test
    void anAgentGetsAValidUniqueServerName() {
        Deployment d = TopologyFactory.eINSTANCE.createDeployment();
        Server s = TopologyFactory.eINSTANCE.createServer();
        s.setName("web-1");
        d.getUnassigned().add(s);
        assertEquals("web-1-2", AgentNames.unique(d, "web-1"));
        assertEquals("host-example-org", AgentNames.unique(d, "host example/org"));
        assertEquals("agent", AgentNames.unique(d, ""));
    }
}
