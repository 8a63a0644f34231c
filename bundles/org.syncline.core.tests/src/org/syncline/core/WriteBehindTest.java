package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindTest {
    @TempDir
    Path tmp;

    @Test
    void aFlushStartsAfterEveryStepWrittenAndTheFileHoldsEveryByte() throws Exception {
        Path file = Files.createFile(tmp.resolve("big.bin"));
        byte[] content = new byte[(7 << 20) / 2]; // 3.5 MiB: three 1 MiB steps pass while it is written
        new Random(7).nextBytes(content);
        List<Long> flushedAt = new ArrayList<>();
        long[] written = {0};
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
                WriteBehind out = new WriteBehind(ch, 1 << 20, flush -> {
                    flushedAt.add(written[0]);
                    flush.run();
                })) {
            for (int at = 0; at < content.length; at += 65536) {
                int n = Math.min(65536, content.length - at);
                written[0] += n; // counted first: the flush starts inside the write that passes the step
                out.write(content, at, n);
            }
            out.finish();
        }
        assertEquals(List.of(1L << 20, 2L << 20, 3L << 20), flushedAt, "a flush after every MiB written, none for the last half");
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void noSecondFlushStartsWhileOneIsRunningAndFinishWaitsForIt() throws Exception {
        Path file = Files.createFile(tmp.resolve("slow.bin"));
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> flushes = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
                WriteBehind out = new WriteBehind(ch, 1024, flush -> {
                    Thread t = new Thread(() -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        flush.run();
                    });
                    flushes.add(t);
                    t.start();
                })) {
            for (int i = 0; i < 10; i++) {
                out.write(new byte[1024]); // ten steps, while the first flush is held
            }
            assertEquals(1, flushes.size(), "one flush in flight at a time");
            Thread finisher = new Thread(() -> {
                try {
                    out.finish();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            finisher.start();
            finisher.join(300);
            assertTrue(finisher.isAlive(), "finish() waits for the flush in flight");
            release.countDown();
            finisher.join(TimeUnit.SECONDS.toMillis(10));
            assertEquals(false, finisher.isAlive());
        }
        assertEquals(10 * 1024, Files.size(file));
    }
}
