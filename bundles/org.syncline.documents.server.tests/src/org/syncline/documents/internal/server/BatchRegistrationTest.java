package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.documents.BatchFile;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentQuery;
import org.syncline.protocol.Principal;
import org.syncline.store.Database;

/**
 * {@code docs.register.batch} against a real Derby database and blob store (the registry's own node): a batch is
 * registered whole, with each file's bytes, type and tags, or not at all, leaving no row and no blob behind.
 */
class BatchRegistrationTest {
    private static final Principal ANN = new Principal("ann", Set.of());

    @TempDir
    Path dir;
    private LocalRegistry local;
    private Database db;
    private Path blobDir;
    private DocumentRegistry registry;

    @BeforeEach
    void open() {
        local = new LocalRegistry(dir);
        db = local.db;
        blobDir = local.blobDir;
        registry = local.registry;
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void registersEveryFileWithItsBytesTypeAndTagsInOrder() throws IOException {
        List<byte[]> contents = List.of(bytes("%PDF-1.7 a report"), bytes(""), bytes("plain words\n"));
        List<BatchFile> files = List.of(new BatchFile("report.pdf", "Ann A", "q3", List.of("b", "a"), contents.get(0).length),
                new BatchFile("empty.txt", null, null, null, 0), new BatchFile("notes.txt", null, "", List.of(), contents.get(2).length));
        DocumentRegistry.Batch batch = registry.registerBatch(ANN, files, null, concat(contents));

        assertEquals(List.of("report.pdf", "empty.txt", "notes.txt"), batch.documents().stream().map(DocumentInfo::name).toList());
        DocumentInfo report = batch.documents().get(0);
        assertEquals("application/pdf", report.mimeType());
        assertEquals(List.of("a", "b"), report.tags());
        assertEquals("Ann A", report.author());
        assertEquals("ann", batch.documents().get(1).author(), "no author: the user registering it");
        for (int i = 0; i < contents.size(); i++) {
            DocumentInfo d = batch.documents().get(i);
            assertEquals(Sha256.hex(new ByteArrayInputStream(contents.get(i))), d.sha256());
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            registry.read(d.id(), registry.version(ANN, d.id(), 0), read);
            assertEquals(new String(contents.get(i), StandardCharsets.UTF_8), read.toString(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("a", "b"), registry.info(ANN, report.id()).tags(), "the tags were committed, not only answered");
        assertEquals(3, total());
    }

    @Test
    void aBadNameRefusesTheBatchBeforeAnyByteIsStored() throws IOException {
        List<BatchFile> files = List.of(new BatchFile("good.txt", null, null, null, 3), new BatchFile("../evil", null, null, null, 3));
        SynclineException e = assertThrows(SynclineException.class, () -> registry.registerBatch(ANN, files, null, concat(List.of(bytes("abc"),
                bytes("def")))));
        assertEquals(ErrorCode.INVALID_NAME, e.code());
        assertTrue(e.getMessage().startsWith("File 2 of the batch ('../evil'): "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing in the batch was registered."), e.getMessage());
        assertNothingLeft();
    }

    @Test
    void aStreamShorterThanDeclaredNamesTheFileAndLeavesNoBlob() throws IOException {
        List<BatchFile> files = List.of(new BatchFile("one.txt", null, null, null, 4), new BatchFile("two.txt", null, null, null, 10));
        SynclineException e = assertThrows(SynclineException.class, () -> registry.registerBatch(ANN, files, null,
                concat(List.of(bytes("1111"), bytes("22")))));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().startsWith("File 2 of the batch ('two.txt'): The stream ended after 2 of its 10 bytes."), e.getMessage());
        assertNothingLeft();
    }

    @Test
    void bytesBeyondTheDeclaredFilesRefuseTheBatch() throws IOException {
        List<BatchFile> files = List.of(new BatchFile("one.txt", null, null, null, 4));
        SynclineException e = assertThrows(SynclineException.class, () -> registry.registerBatch(ANN, files, null, concat(List.of(bytes("1111x")))));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().contains("more bytes than its 1 files declare"), e.getMessage());
        assertNothingLeft();
    }

    @Test
    void aStreamThatFailsPartWayStoresNothing() throws IOException {
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(bytes("whole")), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
        List<BatchFile> files = List.of(new BatchFile("whole.txt", null, null, null, 5), new BatchFile("cut.txt", null, null, null, 5));
        SynclineException e = assertThrows(SynclineException.class, () -> registry.registerBatch(ANN, files, null, failing));
        assertTrue(e.getMessage().contains("cut.txt"), e.getMessage());
        assertNothingLeft();
    }

    @Test
    void aFailedCommitRollsBackEveryRowAndRemovesTheBlobs() throws IOException {
        // the tags table gone: the batch's last statements fail after its documents and versions were written
        db.inTransaction(c -> {
            Sql.update(c, "DROP TABLE document_tags");
            return null;
        });
        List<BatchFile> files = List.of(new BatchFile("a.txt", null, null, List.of("t"), 1), new BatchFile("b.txt", null, null, List.of("t"), 1));
        assertThrows(SynclineException.class, () -> registry.registerBatch(ANN, files, null, concat(List.of(bytes("a"), bytes("b")))));
        assertEquals(0L, (long) db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM documents")) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        assertEquals(List.of(), blobs());
    }

    @Test
    void bytesAnotherDocumentUsesStayWhenABatchIsRefused() throws IOException {
        DocumentInfo kept = registry.registerBatch(ANN, List.of(new BatchFile("kept.txt", null, null, null, 4)), null,
                concat(List.of(bytes("same")))).documents().get(0);
        List<BatchFile> files = List.of(new BatchFile("again.txt", null, null, null, 4), new BatchFile("short.txt", null, null, null, 9));
        assertThrows(SynclineException.class, () -> registry.registerBatch(ANN, files, null, concat(List.of(bytes("same"), bytes("x")))));
        assertEquals(List.of(kept.sha256()), blobs());
        assertEquals(1, total());
    }

    @Test
    void bytesStoredAgainByABatchAreNoLongerMissing() throws IOException {
        DocumentInfo lost = registry.registerBatch(ANN, List.of(new BatchFile("lost.txt", null, null, null, 4)), null,
                concat(List.of(bytes("lost")))).documents().get(0);
        // what an inventory without the blob leaves: not in the node's inventory, the version marked missing
        db.inTransaction(c -> {
            InventoryTable.remove(c, "n1", lost.sha256());
            return InventoryTable.markMissing(c, "n1");
        });
        assertEquals(DocumentInfo.MISSING, registry.info(ANN, lost.id()).state());
        registry.registerBatch(ANN, List.of(new BatchFile("found.txt", null, null, null, 4), new BatchFile("other.txt", null, null, null, 5)),
                null, concat(List.of(bytes("lost"), bytes("other"))));
        assertEquals(DocumentInfo.OK, registry.info(ANN, lost.id()).state());
        assertEquals(2L, (long) db.inTransaction(c -> InventoryTable.count(c, "n1", false)));
    }

    @Test
    void anEmptyOrOversizedBatchIsRefused() {
        SynclineException none = assertThrows(SynclineException.class, () -> registry.registerBatch(ANN, List.of(), null, InputStream.nullInputStream()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, none.code());
        List<BatchFile> many = new ArrayList<>();
        for (int i = 0; i <= DocumentRegistry.BATCH_MAX; i++) {
            many.add(new BatchFile("f" + i, null, null, null, 0));
        }
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class,
                () -> registry.registerBatch(ANN, many, null, InputStream.nullInputStream())).code());
    }

    private void assertNothingLeft() throws IOException {
        assertEquals(0, total());
        assertEquals(List.of(), blobs());
    }

    private long total() {
        return registry.search(ANN, DocumentQuery.all()).total();
    }

    private List<String> blobs() throws IOException {
        if (!Files.exists(blobDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(blobDir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("tmp"))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return new ByteArrayInputStream(all.toByteArray());
    }
}
