import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.syncline.core.HostPort;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.EnrollmentMessages;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;

/**
 * Simulated agents against a real master: each enrols with its own token through the real enrollment
 * messages, logs in with its member credential on its own connection, says hello (landing in the Unassigned
 * pool) and then reports a sample every interval, staggered. At the end the master's own handling times
 * ({@code distribution.stats}: p50/p99/max per sample, measured inside the handler) are printed. Run by
 * agent-ingest.sh, which starts the master and reads its RSS.
 * Agents enrol PARALLEL at a time (default 16).
 *   args: HOST:PORT ADMIN_PASSWORD AGENTS SECONDS INTERVAL_SECONDS WORKDIR [PARALLEL]
 */
public class AgentIngest {
    public static void main(String[] args) throws Exception {
        HostPort master = HostPort.parse(args[0]);
        String adminPassword = args[1];
        int agents = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int interval = Integer.parseInt(args[4]);
        Path work = Path.of(args[5]);
        Connection admin = open(master, "admin", adminPassword, work.resolve("known-admin"));
        int parallel = args.length > 6 ? Integer.parseInt(args[6]) : 16;
        SecureRandom random = new SecureRandom();
        Connection[] enrolled = new Connection[agents];
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        // enrolment is round trips (token, two TLS logins, enrol, hello): several agents at a time, as real agents do
        ExecutorService enrolling = Executors.newFixedThreadPool(parallel);
        List<Future<?>> enrolments = new ArrayList<>();
        for (int n = 0; n < agents; n++) {
            int i = n;
            enrolments.add(enrolling.submit(() -> {
                enrolled[i] = enrol(master, admin, random, work, i, interval);
                int count = done.incrementAndGet();
                if (count % 100 == 0) {
                    System.out.printf("%d agents enrolled and said hello (%.0f s)%n", count, (System.nanoTime() - t0) / 1e9);
                }
                return null;
            }));
        }
        for (Future<?> f : enrolments) {
            f.get();
        }
        enrolling.shutdown();
        List<Connection> members = List.of(enrolled);
        System.out.printf("all %d agents enrolled (%d at a time) in %.0f s; reporting every %d s for %d s%n", agents, parallel,
                (System.nanoTime() - t0) / 1e9, interval, seconds);
        Map<String, Object> before = Json.parseObject(Json.write(admin.request("distribution.stats", Json.object()).map()));
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(8);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long periodMs = interval * 1000L;
        for (int i = 0; i < members.size(); i++) {
            Connection c = members.get(i);
            String name = "sim-" + i;
            senders.scheduleAtFixedRate(() -> {
                try {
                    c.request("distribution.agent.sample", Json.object("agent", name, "at", Instant.now().toString(), "cpuPercent", 12.5,
                            "memoryUsed", 2_000_000_000L, "memoryTotal", 8_000_000_000L, "disks", List.of(Map.of("path", "/srv", "free",
                                    40_000_000_000L, "total", 100_000_000_000L)), "netInPerSecond", 1000, "netOutPerSecond", 2000,
                            "sessions", 1, "uptimeSeconds", 100));
                    sent.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            }, i * periodMs / members.size(), periodMs, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(seconds * 1000L);
        senders.shutdownNow();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        JsonObject stats = admin.request("distribution.stats", Json.object());
        System.out.println("samples sent " + sent.get() + ", failed " + failed.get() + " (stats before reporting: " + before + ")");
        System.out.printf("master handling per sample: p50 %d us, p99 %d us, max %d us over %d samples; queued %d, dropped %d, heap used %d MiB%n",
                stats.number("p50Micros"), stats.number("p99Micros"), stats.number("maxMicros"), stats.number("samples"),
                stats.number("queued"), stats.number("dropped"), stats.number("heapUsed") / (1024 * 1024));
        for (Connection c : members) {
            c.close();
        }
        admin.close();
        System.exit(0);
    }

    /** One simulated agent: a token from the admin, enrolment on its own connection, then its member login and hello. */
    private static Connection enrol(HostPort master, Connection admin, SecureRandom random, Path work, int i, int interval) {
        String token = admin.request(EnrollmentMessages.TOKEN_CREATE, Json.object("validForSeconds", 3600)).string("token");
        byte[] fp = new byte[32];
        random.nextBytes(fp);
        byte[] cb = new byte[32];
        random.nextBytes(cb);
        JsonObject credential;
        String thread = "-" + Thread.currentThread().threadId(); // a known-servers file per thread: no two write one file
        try (Connection enrol = open(master, EnrollmentMessages.ENROLL_LOGIN, token, work.resolve("known-enrol" + thread))) {
            credential = enrol.request(EnrollmentMessages.ENROLL, Json.object("token", token, "name", "sim-" + i, "roles", "agent",
                    "fingerprint", HexFormat.ofDelimiter(":").withUpperCase().formatHex(fp), "callbackSecret",
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(cb)));
        }
        Connection c = open(master, EnrollmentMessages.MEMBER_LOGIN_PREFIX + credential.string("id"), credential.string("secret"),
                work.resolve("known-member" + thread));
        c.request("distribution.agent.hello", Json.object("name", "sim-" + i, "host", "10.1." + (i / 250) + "." + (i % 250 + 1),
                "port", 7443, "roles", "agent", "intervalSeconds", interval));
        return c;
    }

    private static Connection open(HostPort master, String login, String secret, Path known) {
        return Connection.open(new ConnectionSettings(master, login, secret.toCharArray(), "agent-ingest", Duration.ofSeconds(60), false),
                new KnownServers(known), FingerprintPrompt.ACCEPT_NEW);
    }
}
