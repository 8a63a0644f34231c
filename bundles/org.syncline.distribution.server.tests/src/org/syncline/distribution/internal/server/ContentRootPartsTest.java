package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent killed mid-write leaves the temp file of that write; the next start deletes it and nothing else. */
class ContentRootPartsTest {
    @TempDir
    Path dir;

    @Test
    void theTempFilesOfCutOffWritesGoAtStartAndOnlyThey() throws Exception {
        Path root = dir.resolve("content");
        Files.createDirectories(root.resolve("copy/deep"));
        Files.writeString(root.resolve("copy/big.bin"), "kept");
        Files.writeString(root.resolve("copy/.big.bin8812345.part"), "half");
        Files.writeString(root.resolve("copy/deep/.f.txt77.part"), "half");
        Files.writeString(root.resolve("copy/deep/download.part"), "a user's own file: not a temp file of ours");
        ContentRoot content = new ContentRoot(root);
        assertEquals(2, content.dropLeftoverParts());
        try (Stream<Path> all = Files.walk(root)) {
            assertEquals(List.of("copy/big.bin", "copy/deep/download.part"), all.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList());
        }
        assertEquals(0, content.dropLeftoverParts());
        assertEquals(0, new ContentRoot(dir.resolve("missing")).dropLeftoverParts(), "an agent whose root does not exist yet");
    }
}
