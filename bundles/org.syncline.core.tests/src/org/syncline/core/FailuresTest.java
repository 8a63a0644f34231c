package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void unchecked_interrupted_and_io_failures_come_back_as_themselves() {
        SynclineException coded = new SynclineException(ErrorCode.INTEGRITY, "chunk 1 does not match its name");
        assertSame(coded, assertThrows(SynclineException.class, () -> Failures.rethrow(coded)));
        OutOfMemoryError oom = new OutOfMemoryError("pack");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Failures.rethrow(oom)));
        InterruptedException stop = new InterruptedException();
        assertSame(stop, assertThrows(InterruptedException.class, () -> Failures.rethrow(stop)));
        EOFException cut = new EOFException("file ended early");
        assertSame(cut, assertThrows(EOFException.class, () -> Failures.rethrow(cut)), "the caller tells an EOF from other I/O");
    }

    @Test
    void another_checked_failure_goes_inside_an_io_exception_with_its_message() {
        TimeoutException late = new TimeoutException("no answer in 30 s");
        IOException io = assertThrows(IOException.class, () -> Failures.rethrow(late));
        assertSame(late, io.getCause());
        assertEquals("no answer in 30 s", io.getMessage());
    }

    @Test
    void no_failure_is_nothing_to_throw() {
        assertDoesNotThrow(() -> Failures.rethrow(null));
    }
}
