package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.internal.ui.DistributionPerspective;
import org.syncline.distribution.internal.ui.monitor.OutboxView;
import org.syncline.testing.ServerProcess;
import org.syncline.testing.WebhookReceiver;

/**
 * The Alert Outbox view against a real master whose webhook receiver is down: the alert's delivery shows its
 * attempts rising by push and is given up after the limit; with the receiver up, Retry Now (F9) sends it and the
 * row turns sent; the clearing's delivery, failing again, is discarded with Delete and a confirmation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxViewLiveTest {
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    // the columns of the view
    private static final int ID = 0;
    private static final int STATE = 1;
    private static final int CHANNEL = 2;
    private static final int SERVER = 3;
    private static final int ALERT = 4;
    private static final int ATTEMPTS = 5;
    private static final int NEXT = 6;
    private static final int ERROR = 7;
    private ServerProcess master;
    private WorkbenchLink link;
    private IWorkbenchPage page;
    private IHandlerService handlers;
    private int hookPort;
    private int closedPort;
    private WebhookReceiver receiver;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    void start() throws Exception {
        Path homes = Files.createTempDirectory("syncline-ui-outbox");
        hookPort = freePort();
        closedPort = freePort();
        master = new ServerProcess(homes.resolve("master"), "--roles", "master", "--set", "distribution.alert-interval=1s",
                "--set", "distribution.webhook=http://127.0.0.1:" + hookPort + "/hook", "--set", "distribution.outbox-backoff=5s",
                "--set", "distribution.outbox-attempts=2");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(DistributionPerspective.ID, window);
        page = window.getActivePage();
        handlers = window.getService(IHandlerService.class);
        link = WorkbenchLink.connect(master, "admin", ServerProcess.ADMIN_PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (link != null) {
            link.close();
        }
        master.close();
    }

    private static Optional<List<String>> row(OutboxView view, String event) {
        return view.rows().stream().filter(r -> r.get(ALERT).endsWith(" " + event)).findFirst();
    }

    private static boolean shows(OutboxView view, String event, String state, String attempts) {
        return row(view, event).filter(r -> r.get(STATE).equals(state) && r.get(ATTEMPTS).equals(attempts)).isPresent();
    }

    /** A key pressed on the outbox list. */
    private static void press(OutboxView view, int keyCode) {
        Event e = new Event();
        e.keyCode = keyCode;
        ((TableViewer) view.getSite().getSelectionProvider()).getControl().notifyListeners(SWT.KeyDown, e);
    }

    @Test
    void aDeliveryToADownWebhookRisesInAttemptsAndRetryNowSendsItOnceTheReceiverIsUp() throws Exception {
        assertNotNull(page.findView(OutboxView.ID), "the Distribution perspective has the Alert Outbox view");
        handlers.executeCommand("org.syncline.distribution.ui.showOutbox", null);
        OutboxView outbox = (OutboxView) page.findView(OutboxView.ID);
        UiEvents.waitUntil("the empty outbox read", () -> outbox.emptyText() != null && outbox.emptyText().startsWith("No alert e-mails or webhooks on"));

        var rule = master.cli(AS_ADMIN, "--json", "alert", "rule", "add", "--kind", "port", "--host", "127.0.0.1", "--port", String.valueOf(closedPort));
        assertEquals(0, rule.exitCode(), rule.stderr());
        long ruleId = JsonObject.parse(rule.stdout()).number("id");

        // the receiver is down: each failed attempt is pushed to the view, then the entry is given up
        UiEvents.waitUntil("the first failed attempt", () -> shows(outbox, "raised", "pending", "1"));
        List<String> first = row(outbox, "raised").orElseThrow();
        assertEquals("webhook http://127.0.0.1:" + hookPort + "/hook", first.get(CHANNEL));
        assertEquals("127.0.0.1:" + closedPort, first.get(SERVER));
        assertFalse(first.get(NEXT).isEmpty(), "a pending entry shows its next attempt: " + first);
        assertFalse(first.get(ERROR).isEmpty(), "and why the last one failed: " + first);
        UiEvents.waitUntil("the entry given up after its second attempt", () -> shows(outbox, "raised", "given up", "2"));
        List<String> givenUp = row(outbox, "raised").orElseThrow();
        assertTrue(givenUp.get(ERROR).startsWith("Gave up after 2 attempts: "), givenUp.toString());
        assertEquals("", givenUp.get(NEXT), "a given-up entry has no next attempt");

        receiver = new WebhookReceiver(hookPort);
        BlockingQueue<String> posts = receiver.posts();
        long raisedId = Long.parseLong(givenUp.get(ID));
        assertTrue(outbox.select(raisedId));
        assertTrue(outbox.canRetry(), "a given-up entry can be retried");
        press(outbox, SWT.F9);
        // a given-up entry is never tried again by itself: only Retry Now can have sent it
        UiEvents.waitUntil("the retried entry sent", () -> shows(outbox, "raised", "sent", "1"));
        String post = posts.poll(30, TimeUnit.SECONDS);
        assertNotNull(post, "the receiver got the alert");
        assertEquals("raised", JsonObject.parse(post).string("event"));
        assertTrue(outbox.select(raisedId));
        assertFalse(outbox.canRetry(), "a sent entry cannot be retried");

        // the receiver goes down again; the clearing's delivery fails and is discarded (Delete, then OK)
        receiver.close();
        receiver = null;
        var rm = master.cli(AS_ADMIN, "alert", "rule", "rm", String.valueOf(ruleId));
        assertEquals(0, rm.exitCode(), rm.stderr());
        UiEvents.waitUntil("the clearing's failed attempt", () -> shows(outbox, "cleared", "pending", "1"));
        assertTrue(outbox.select(Long.parseLong(row(outbox, "cleared").orElseThrow().get(ID))));
        String[] asked = new String[1];
        UiEvents.answerDialogWhenShown("Discard Delivery", "OK", asked);
        press(outbox, SWT.DEL);
        UiEvents.waitUntil("the clearing's entry discarded", () -> row(outbox, "cleared").filter(r -> r.get(STATE).equals("discarded")).isPresent());
        assertTrue(asked[0].contains("Never send alert"), asked[0]);
        assertTrue(row(outbox, "cleared").orElseThrow().get(ERROR).startsWith("Discarded by admin; the last failure: "),
                row(outbox, "cleared").toString());
        assertEquals(0, posts.size(), "the raised alert was posted once, nothing else: " + posts);
        assertTrue(outbox.getContentDescription().startsWith("0 pending, 0 given up, 2 sent or discarded"), outbox.getContentDescription());
    }
}
