package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/** One run of a node's deletion queue at a time; requests during a run share the one run that follows it. */
class DeletionRunsTest {

    @Test
    void requestsDuringARunShareOneFollowingRunAndOtherNodesRunMeanwhile() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DeletionRuns runs = new DeletionRuns(node -> {
            ran.add(node);
            if (ran.size() == 1) {
                firstStarted.countDown();
                await(release);
            }
        });
        CompletableFuture<Void> first = runs.request("large");
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> second = runs.request("large");
        CompletableFuture<Void> third = runs.request("large");
        assertSame(second, third, "requests while a run goes are answered by the same next run");
        assertNotSame(first, second);

        runs.request("small").get(10, TimeUnit.SECONDS);
        assertFalse(first.isDone(), "a slow node holds up only its own queue");
        assertEquals(List.of("large", "small"), ran);

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("large", "small", "large"), ran, "one run for the two requests made during the first");

        runs.request("large").get(10, TimeUnit.SECONDS);
        assertEquals(4, ran.size(), "a request after the runs ended starts a new one");
    }

    @Test
    void aFailedRunStillAnswersItsRequestsAndTheNextRequestRunsAgain() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        DeletionRuns runs = new DeletionRuns(node -> {
            ran.add(node);
            throw new SynclineException(ErrorCode.STORAGE, "the database is gone");
        });
        runs.request("large").get(10, TimeUnit.SECONDS);
        runs.request("large").get(10, TimeUnit.SECONDS);
        assertEquals(List.of("large", "large"), ran);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
