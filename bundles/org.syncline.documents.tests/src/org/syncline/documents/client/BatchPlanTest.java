package org.syncline.documents.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How `docs put` groups files: small ones in batches (bounded by count and bytes), large ones alone, order kept. */
class BatchPlanTest {
    @TempDir
    Path dir;

    @Test
    void smallFilesGoInBatchesOfAtMostAHundredAndLargeOnesAloneInTheirPlace() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            files.add(Files.write(dir.resolve("s" + i), new byte[10]));
        }
        Path large = Files.write(dir.resolve("large"), new byte[(int) BatchPlan.SMALL]);
        files.add(75, large);
        List<List<Path>> units = BatchPlan.of(files);
        assertEquals(List.of(75, 1, 75), units.stream().map(List::size).toList());
        assertEquals(List.of(large), units.get(1));
        assertEquals(files, units.stream().flatMap(List::stream).toList(), "the order of the files is kept");
        files.remove(large);
        assertEquals(List.of(100, 50), BatchPlan.of(files).stream().map(List::size).toList());
    }

    @Test
    void aBatchHoldsAtMostEightMebibytes() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(Files.write(dir.resolve("m" + i), new byte[(int) BatchPlan.SMALL - 1]));
        }
        assertEquals(List.of(8, 8, 4), BatchPlan.of(files).stream().map(List::size).toList());
    }
}
