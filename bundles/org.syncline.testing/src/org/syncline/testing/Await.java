package org.syncline.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The wait of a test for work that happens elsewhere (another process, another thread): polls a condition every
 * {@link #POLL} until it holds, and fails naming what it waited for once the time given is up.
 */
public final class Await {
    /** How long a poll sleeps: short beside the work waited for, long enough not to load a busy machine. */
    public static final Duration POLL = Duration.ofMillis(100);

    /** A check that reads files or asks a server; what it gives counts once it is neither null nor false. */
    @FunctionalInterface
    public interface Check<T> {
        T get() throws Exception;
    }

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails after {@code within}, naming {@code what}. */
    public static void until(BooleanSupplier condition, String what, Duration within) throws InterruptedException {
        try {
            value(() -> condition.getAsBoolean(), what, within, () -> "");
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // a BooleanSupplier throws no checked exception
        }
    }

    /**
     * Polls {@code check} until it gives something other than null or false and returns that; an IOException counts as
     * "not yet" (a file caught mid-rename). Fails after {@code within}, naming {@code what} and what {@code state} says
     * then (the last lines of the processes involved, say).
     */
    public static <T> T value(Check<T> check, String what, Duration within, Supplier<String> state) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value;
            try {
                value = check.get();
            } catch (IOException e) {
                value = null;
            }
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Not within " + said(within) + ": " + what + state.get());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static String said(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
