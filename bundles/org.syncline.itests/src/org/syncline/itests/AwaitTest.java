package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.syncline.testing.Await;

/** The poll every integration test waits with: what it returns, what counts as "not yet", what a timeout says. */
class AwaitTest {
    @Test
    void untilReturnsOnceTheConditionHoldsAndPollsMeanwhile() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        Await.until(() -> polls.incrementAndGet() >= 3, "the third poll", Duration.ofSeconds(30));
        assertEquals(3, polls.get());
    }

    @Test
    void untilFailsNamingWhatItWaitedForOnceTheTimeIsUp() {
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until(() -> false, "a light that never comes", Duration.ofMillis(300)));
        assertEquals("Not within 300 ms: a light that never comes", e.getMessage());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "it waited the time given");
    }

    @Test
    void valueSkipsNullFalseAndIoErrorsAndReturnsTheFirstRealAnswer() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        String got = Await.value(() -> switch (polls.incrementAndGet()) {
            case 1 -> null;
            case 2 -> throw new IOException("a file mid-rename");
            default -> "found";
        }, "an answer", Duration.ofSeconds(30), () -> "");
        assertEquals("found", got);
        assertEquals(3, polls.get());
        assertEquals(Boolean.TRUE, Await.value(() -> polls.incrementAndGet() > 4, "the fifth poll", Duration.ofSeconds(30), () -> ""));
    }

    @Test
    void valueLetsOtherErrorsThroughAndSaysTheStateOnATimeout() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Await.value(() -> { throw new IllegalStateException("the server refused"); }, "x", Duration.ofSeconds(30), () -> ""));
        assertEquals("the server refused", thrown.getMessage());
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.value(() -> false, "the copy on B", Duration.ofMillis(200), () -> "; B said: nothing"));
        assertEquals("Not within 200 ms: the copy on B; B said: nothing", e.getMessage());
    }
}
