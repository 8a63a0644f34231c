package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.OutboxEntry;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;
import org.syncline.testing.WebhookReceiver;

/**
 * The alert outbox survives a master restart: an alert raised while the webhook receiver is down stays
 * pending (with the failure as its reason), the master is killed with kill -9, the receiver comes up, and
 * the restarted master sends it once; an e-mail channel that never answers is given up after its attempt
 * limit with the reason kept. Admins list the outbox, others may not.
 */
class AlertOutboxTest {
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private static final Map<String, String> AS_VIEWER = Map.of("SYNCLINE_USER", "viewer", "SYNCLINE_PASSWORD", "viewer-password-1");

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<OutboxEntry> outbox(ServerProcess master, boolean all) throws Exception {
        var r = all ? master.cli(AS_ADMIN, "--json", "alert", "outbox", "--all") : master.cli(AS_ADMIN, "--json", "alert", "outbox");
        assertEquals(0, r.exitCode(), r.stderr());
        return JsonObject.parse(r.stdout()).list("entries", OutboxEntry.class);
    }

    private static List<OutboxEntry> awaitOutbox(ServerProcess master, boolean all, Predicate<List<OutboxEntry>> wanted, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        List<OutboxEntry> last = List.of();
        while (System.currentTimeMillis() < deadline) {
            last = outbox(master, all);
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Timed out waiting for " + what + "; the outbox: " + last);
    }

    @Test
    void anUndeliveredAlertIsSentAfterAMasterRestartAndADeadChannelIsGivenUpWithItsReason() throws Exception {
        Path homes = Files.createTempDirectory("syncline-itest-outbox");
        int hookPort = freePort();
        int deadSmtp = freePort();
        int closedPort = freePort();
        String hook = "http://127.0.0.1:" + hookPort + "/hook";
        ServerProcess master = new ServerProcess(homes.resolve("master"), "--roles", "master", "--set", "distribution.alert-interval=1s",
                "--set", "distribution.webhook=" + hook, "--set", "distribution.smtp-host=127.0.0.1", "--set", "distribution.smtp-port=" + deadSmtp,
                "--set", "distribution.smtp-starttls=false", "--set", "distribution.smtp-from=syncline@example.org",
                "--set", "distribution.alert-to=ops@example.org", "--set", "distribution.outbox-backoff=10s", "--set", "distribution.outbox-attempts=3");
        WebhookReceiver receiver = null;
        try {
            try (Connection admin = master.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                new AdminClient(admin).addUser("viewer", "viewer-password-1".toCharArray(), false);
            }
            var rule = master.cli(AS_ADMIN, "--json", "alert", "rule", "add", "--kind", "port", "--host", "127.0.0.1", "--port",
                    String.valueOf(closedPort));
            assertEquals(0, rule.exitCode(), rule.stderr());

            // the receiver is down: the webhook entry stays pending with the failure as its reason
            List<OutboxEntry> pending = awaitOutbox(master, false, l -> l.stream().anyMatch(e -> e.channel().startsWith("webhook")
                    && e.attempts() >= 1), "a failed webhook attempt");
            OutboxEntry webhook = pending.stream().filter(e -> e.channel().equals("webhook " + hook)).findFirst().orElseThrow();
            assertEquals(OutboxEntry.PENDING, webhook.state());
            assertEquals("raised", webhook.event());
            assertEquals("127.0.0.1:" + closedPort, webhook.target());
            assertTrue(!webhook.reason().isBlank(), "the failure is kept: " + webhook);
            // killed at once: the third failed attempt (10 s + 20 s later) would give the entry up
            master.kill9();
            receiver = new WebhookReceiver(hookPort);
            BlockingQueue<String> posts = receiver.posts();
            master.start();

            String post = posts.poll(120, TimeUnit.SECONDS);
            assertTrue(post != null, "the restarted master sends what was pending");
            JsonObject body = JsonObject.parse(post);
            assertEquals("raised", body.string("event"));
            assertEquals(webhook.alertId(), body.object("alert").number("id"));
            List<OutboxEntry> all = awaitOutbox(master, true, l -> l.stream().anyMatch(e -> e.id() == webhook.id()
                    && e.state().equals(OutboxEntry.DELIVERED)), "the webhook entry delivered");
            assertTrue(outbox(master, false).stream().noneMatch(e -> e.id() == webhook.id()), "delivered entries are left out without --all");
            assertTrue(all.stream().filter(e -> e.id() == webhook.id()).allMatch(e -> e.attempts() >= 2), all.toString());

            var refused = master.cli(AS_VIEWER, "alert", "outbox");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.stderr().startsWith("syncline: ACCESS_DENIED:"), refused.stderr());

            // the SMTP port never answers: given up after 3 attempts, the reason kept
            List<OutboxEntry> failed = awaitOutbox(master, false, l -> l.stream().anyMatch(e -> e.channel().startsWith("e-mail")
                    && e.state().equals(OutboxEntry.FAILED)), "the e-mail entry given up");
            OutboxEntry mail = failed.stream().filter(e -> e.channel().startsWith("e-mail")).findFirst().orElseThrow();
            assertEquals(3, mail.attempts());
            assertTrue(mail.reason().startsWith("Gave up after 3 attempts: "), mail.reason());
            var text = master.cli(AS_ADMIN, "alert", "outbox");
            assertTrue(text.stdout().contains("failed") && text.stdout().contains("Gave up after 3 attempts"), text.stdout());
            assertEquals(0, posts.size(), "the alert was POSTed once, not again: " + posts);

            // admins retry the given-up e-mail (its attempts start over) and discard it; a delivered entry is neither
            var viewerDiscard = master.cli(AS_VIEWER, "alert", "outbox", "discard", String.valueOf(mail.id()));
            assertEquals(1, viewerDiscard.exitCode());
            assertTrue(viewerDiscard.stderr().startsWith("syncline: ACCESS_DENIED:"), viewerDiscard.stderr());
            var retried = master.cli(AS_ADMIN, "--json", "alert", "outbox", "retry", String.valueOf(mail.id()));
            assertEquals(0, retried.exitCode(), retried.stderr());
            OutboxEntry again = Json.read(JsonObject.parse(retried.stdout()), OutboxEntry.class);
            assertEquals(OutboxEntry.PENDING, again.state());
            assertEquals(0, again.attempts(), "a given-up entry gets its attempts again");
            var discarded = master.cli(AS_ADMIN, "alert", "outbox", "discard", String.valueOf(mail.id()));
            assertEquals(0, discarded.exitCode(), discarded.stderr());
            assertTrue(discarded.stdout().startsWith("Discarded entry " + mail.id()), discarded.stdout());
            OutboxEntry gone = outbox(master, true).stream().filter(e -> e.id() == mail.id()).findFirst().orElseThrow();
            assertEquals(OutboxEntry.DISCARDED, gone.state());
            assertTrue(gone.reason().startsWith("Discarded by admin"), gone.reason());
            assertTrue(outbox(master, false).stream().noneMatch(e -> e.id() == mail.id()), "discarded entries are left out without --all");
            var late = master.cli(AS_ADMIN, "alert", "outbox", "retry", String.valueOf(webhook.id()));
            assertEquals(1, late.exitCode());
            assertEquals("syncline: CONFLICT: Outbox entry " + webhook.id() + " is delivered already; only pending or given-up (failed) entries "
                    + "can be retried.", late.stderr().strip());
        } finally {
            if (receiver != null) {
                receiver.close();
            }
            master.close();
        }
    }
}
