package org.syncline.distribution.internal.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.RelativePath;
import org.syncline.core.SynclineException;

/**
 * The hop credentials an agent accepts as a parent: each a 256-bit token the master granted for one run, one child
 * and the paths of the run this agent serves. A token ends with its run ({@link #end}) or when it was not used for
 * {@link #IDLE} (a master that died mid-run leaves nothing valid for long). Tokens are held by their SHA-256 only
 * and compared in constant time.
 */
final class HopGrants {
    /** A grant unused this long is gone, whether or not its run ended. */
    static final Duration IDLE = Duration.ofMinutes(10);
    private final Clock clock;
    private final Map<String, Grant> byHash = new ConcurrentHashMap<>();

    /** What one token allows: reading files inside {@code paths} for {@code child} during run {@code run}. */
    record Grant(long run, String child, List<String> paths, Instant lastUsed) {
    }

    HopGrants(Clock clock) {
        this.clock = clock;
    }

    void grant(long run, String token, String child, List<String> paths) {
        if (!token.matches("[0-9a-f]{64}")) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "A hop token is 64 lowercase hex digits (256 bits).");
        }
        List<String> checked = paths.stream().map(p -> p.isEmpty() ? "" : RelativePath.parse(p).toString()).toList();
        byHash.put(hash(token), new Grant(run, child, checked, clock.instant()));
    }

    /** Revokes every grant of the run. */
    void end(long run) {
        byHash.values().removeIf(g -> g.run() == run);
    }

    /** Whether {@code token} is a live grant (the login check; every message checks it again with its path). */
    boolean valid(String token) {
        return live(token) != null;
    }

    /**
     * The grant of {@code token} if {@code path} is inside its paths; refused with a sentence naming what is wrong
     * with the token (unknown, ended or expired) or the path.
     */
    Grant check(String token, String path) {
        Grant g = live(token);
        if (g == null) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "The hop token is not valid here: it is unknown, or its run ended, or it "
                    + "expired after " + IDLE.toMinutes() + " minutes unused.");
        }
        String p = RelativePath.parse(path).toString();
        boolean inside = g.paths().stream().anyMatch(d -> d.isEmpty() || p.equals(d) || p.startsWith(d + "/"));
        if (!inside) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "The hop token of run " + g.run() + " does not cover '" + Names.printable(path)
                    + "'; it allows " + String.join(", ", g.paths()) + " only.");
        }
        byHash.put(hash(token), new Grant(g.run(), g.child(), g.paths(), clock.instant()));
        return g;
    }

    private Grant live(String token) {
        if (token == null || token.length() != 64) {
            return null;
        }
        String h = hash(token);
        Grant g = null;
        for (Map.Entry<String, Grant> e : byHash.entrySet()) {
            // constant-time over the hashes: a timing does not tell how much of a guess was right
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.US_ASCII), h.getBytes(StandardCharsets.US_ASCII))) {
                g = e.getValue();
            }
        }
        if (g != null && g.lastUsed().plus(IDLE).isBefore(clock.instant())) {
            byHash.remove(h);
            return null;
        }
        return g;
    }

    private static String hash(String token) {
        return org.syncline.core.Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
