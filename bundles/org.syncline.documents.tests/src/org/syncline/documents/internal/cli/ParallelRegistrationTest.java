package org.syncline.documents.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.documents.DocumentInfo;

class ParallelRegistrationTest {
    @Test
    void filesWhoseAnswerNeverCameAreCountedAsUncertainNotAsUnregistered() {
        // five batches of two files in flight together: 0 and 3 register, 1 and 2 time out (the registry may still have
        // registered them), 4 is refused (surely not registered)
        List<List<Path>> units = List.of(files(0), files(1), files(2), files(3), files(4));
        ParallelRegistration.Result r = ParallelRegistration.run(units, 2, unit -> {
            int n = Integer.parseInt(unit.get(0).getFileName().toString().substring(1, 2));
            return switch (n) {
                case 1, 2 -> throw new SynclineException(ErrorCode.TIMEOUT, "The server did not answer 'docs.register.batch' within 30 s.");
                case 4 -> throw new SynclineException(ErrorCode.INVALID_NAME, "bad name");
                default -> unit.stream().map(p -> doc(p.getFileName().toString())).toList();
            };
        });
        assertEquals(List.of("b0-0", "b0-1", "b3-0", "b3-1"), r.added().stream().map(DocumentInfo::name).toList());
        assertEquals(ErrorCode.TIMEOUT, r.failure().code());
        assertEquals(Path.of("b1-0"), r.failedFile());
        assertEquals(4, r.uncertain(), "the two timed-out batches' files");
        assertEquals("4 of 10 files were registered (listed above); 4 more were sent in requests the registry did not answer in time and may"
                + " have been registered after this command stopped waiting: look for them with 'docs find --name' before putting them again;"
                + " the others were not:", DocsCommands.registeredNote(r.added().size(), 10, r.uncertain()));
    }

    @Test
    void aRefusedBatchLeavesNothingUncertain() {
        ParallelRegistration.Result r = ParallelRegistration.run(List.of(files(0), files(1)), 1, unit -> {
            if (unit.get(0).toString().startsWith("b1")) {
                throw new SynclineException(ErrorCode.INVALID_NAME, "bad name");
            }
            return unit.stream().map(p -> doc(p.toString())).toList();
        });
        assertEquals(2, r.added().size());
        assertEquals(0, r.uncertain());
        assertEquals("2 of 4 files were registered (listed above); the others were not:", DocsCommands.registeredNote(2, 4, 0));
    }

    private static List<Path> files(int batch) {
        return List.of(Path.of("b" + batch + "-0"), Path.of("b" + batch + "-1"));
    }

    private static DocumentInfo doc(String name) {
        Instant t = Instant.parse("2026-11-24T00:00:00Z");
        return new DocumentInfo("id-" + name, name, "ann", "text/plain", 1, "0".repeat(64), "n1", t, t, 1, "", List.of(), "ann", List.of(), DocumentInfo.OK);
    }
}
