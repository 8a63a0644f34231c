package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.documents.DocumentQuery;
import org.syncline.protocol.Principal;

/**
 * Deletions from several users' requests at once, against real Derby: every one commits. Before deletions were
 * committed one at a time, Derby's recompile of the cascading DELETE (its plan goes stale as the table changes) and
 * the deletions waiting for that plan waited for each other until Derby's 60 s lock timeout, here within a few rounds.
 */
class DocumentDeletionsTest {
    private static final Principal ADMIN = new Principal("admin", Set.of());

    @TempDir
    Path dir;
    private LocalRegistry local;
    private DocumentRegistry registry;
    private final ExecutorService deleters = Executors.newFixedThreadPool(4);

    @BeforeEach
    void open() {
        local = new LocalRegistry(dir);
        registry = local.registry;
    }

    @AfterEach
    void close() {
        deleters.shutdownNow();
        local.close();
    }

    @Test
    void fourDeletersAtOnceEachCommitEveryDeletionAndTheBytesGo() throws Exception {
        for (int round = 0; round < 20; round++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(registry.register(ADMIN, "f" + round + "-" + i + ".txt", null, "", List.of(), null,
                        new ByteArrayInputStream(("file " + round + " " + i + "\n").repeat(50).getBytes())).document().id());
            }
            List<Future<?>> deletions = new ArrayList<>();
            for (String id : ids) {
                deletions.add(deleters.submit(() -> registry.delete(ADMIN, id)));
            }
            for (Future<?> f : deletions) {
                f.get(30, TimeUnit.SECONDS); // a lock timeout fails it ("The database is busy with a conflicting change")
            }
            assertEquals(0, registry.search(ADMIN, DocumentQuery.all()).total(), "round " + round);
        }
        try (Stream<Path> files = Files.walk(local.blobDir)) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "every blob deleted");
        }
    }
}
