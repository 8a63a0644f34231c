package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;
import org.syncline.documents.BatchFile;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.DocumentsMessages;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * Batch registration ({@code docs.register.batch}) against the real server product: `docs put` of a folder sends its
 * small files in batches and prints every new document in order; a batch is one push to those who may read it; a bad
 * file refuses its whole batch and leaves no document and no blob.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsBatchTest {
    private static final Map<String, String> AS_ANN = Map.of("SYNCLINE_USER", "ann", "SYNCLINE_PASSWORD", "ann-password-1");
    private ServerProcess server;
    private Connection admin;

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-docs-batch"));
        admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD);
        AdminClient a = new AdminClient(admin);
        for (String user : List.of("ann", "eve")) {
            a.addUser(user, (user + "-password-1").toCharArray(), false);
        }
    }

    @AfterAll
    void stop() throws Exception {
        admin.close();
        server.close();
    }

    @Test
    void theCliPutsAFolderOfSmallFilesInBatchesAndPrintsEveryDocumentInOrder() throws Exception {
        Path folder = server.home.resolve("many");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            String name = String.format("note-%03d.txt", i);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), "note number " + i + "\n");
            names.add(name);
        }
        Files.write(folder.resolve("note-big.bin"), new byte[2 * 1024 * 1024 + 1]);
        names.add("note-big.bin");
        var put = server.cli(AS_ANN, "--json", "docs", "put", folder.toString(), "--tag", "notes", "--parallel", "4");
        assertEquals(0, put.exitCode(), put.stderr());
        List<Object> added = JsonObject.parse(put.stdout()).list("documents");
        assertEquals(names, added.stream().map(o -> new JsonObject(cast(o)).string("name")).toList());
        try (Connection c = user("ann")) {
            DocumentsClient ann = new DocumentsClient(c);
            assertEquals(231, ann.search(DocumentQuery.all().withName("note-")).total());
            DocumentInfo seven = ann.search(DocumentQuery.all().withName("note-007")).documents().get(0);
            assertEquals(List.of("notes"), seven.tags());
            assertEquals("text/plain", seven.mimeType());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ann.get(seven.id(), 0, out);
            assertEquals("note number 7\n", out.toString());
        }
    }

    @Test
    void aBatchIsOnePushToThoseWhoMayReadItsDocuments() throws Exception {
        try (Connection annConn = user("ann"); Connection eveConn = user("eve"); Connection watcher = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            BlockingQueue<JsonObject> adminPushes = new LinkedBlockingQueue<>();
            BlockingQueue<JsonObject> evePushes = new LinkedBlockingQueue<>();
            watcher.onPush(DocumentsMessages.EVENTS, adminPushes::add);
            watcher.subscribe(DocumentsMessages.TOPIC);
            eveConn.onPush(DocumentsMessages.EVENTS, evePushes::add);
            eveConn.subscribe(DocumentsMessages.TOPIC);
            List<BatchFile> files = new ArrayList<>();
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                String text = "pushed " + i + "\n";
                files.add(new BatchFile("pushed-" + i + ".txt", null, null, null, text.length()));
                content.append(text);
            }
            List<DocumentInfo> added = new DocumentsClient(annConn).registerBatch(files, null, new ByteArrayInputStream(content.toString().getBytes()));
            JsonObject push = adminPushes.poll(10, TimeUnit.SECONDS);
            assertNotNull(push, "an admin may read every document, so gets the batch");
            assertEquals("ADDED", push.string("kind"));
            assertEquals(added.stream().map(DocumentInfo::id).toList(), push.list("documents").stream().map(o -> new JsonObject(cast(o)).string("id")).toList());
            assertNull(adminPushes.poll(500, TimeUnit.MILLISECONDS), "one push for the whole batch");
            assertNull(evePushes.poll(200, TimeUnit.MILLISECONDS), "eve may not read them, so hears nothing of them");
        }
    }

    @Test
    void aBadFileRefusesItsWholeBatchNamingItselfAndLeavesNothing() throws Exception {
        List<String> before = blobFiles();
        Path folder = server.home.resolve("with-bad");
        Files.createDirectories(folder);
        for (int i = 0; i < 20; i++) {
            Files.writeString(folder.resolve("fine-" + i + ".txt"), "fine " + i + "\n");
        }
        Files.writeString(folder.resolve("fine-7\tcontrol.txt"), "a tab in its name\n");
        var put = server.cli(AS_ANN, "docs", "put", folder.toString());
        assertNotEquals(0, put.exitCode());
        assertTrue(put.stderr().contains("of the batch ('fine-7?control.txt')") && put.stderr().contains("Nothing in the batch was registered."),
                put.stderr());
        try (Connection c = user("ann")) {
            DocumentsClient ann = new DocumentsClient(c);
            assertEquals(0, ann.search(DocumentQuery.all().withName("fine-")).total());

            // content cut off after two of three files: nothing of it stays, not even the two stored files' bytes
            InputStream cut = new SequenceInputStream(new ByteArrayInputStream("cut one\ncut two\n".getBytes()), new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("disk unplugged");
                }
            });
            List<BatchFile> files = List.of(new BatchFile("cut-1.txt", null, null, null, 8), new BatchFile("cut-2.txt", null, null, null, 8),
                    new BatchFile("cut-3.txt", null, null, null, 8));
            SynclineException e = assertThrows(SynclineException.class, () -> ann.registerBatch(files, null, cut));
            // the uploader's own disk, not the link or the node
            assertEquals(ErrorCode.STORAGE, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("disk unplugged"), e.getMessage());
            assertEquals(0, ann.search(DocumentQuery.all().withName("cut-")).total());
            assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> ann.registerBatch(List.of(new BatchFile("x.txt", null, null,
                    null, 1)), "no-such-node", new ByteArrayInputStream(new byte[1]))).code());
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!blobFiles().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, blobFiles(), "no blob of a refused batch stays");
    }

    /**
     * A put that fails part-way lists what it did register exactly as a whole run does (one line a document, in order),
     * then says how many of how many on stderr, then the failure: a name the registry refuses takes down its batch only.
     */
    @Test
    void aPutThatFailsPartWayListsTheDocumentsItRegisteredThenTheFailure() throws Exception {
        Path folder = server.home.resolve("partial");
        Files.createDirectories(folder);
        for (int i = 0; i < 150; i++) {
            Files.writeString(folder.resolve(String.format("partial-a-%03d.txt", i)), "part " + i + "\n");
        }
        // after every a-file in name order: the second batch (a-100 to a-149 and this one) is refused whole
        Files.writeString(folder.resolve("partial-bad\u0001.txt"), "a name with a control character\n");
        var put = server.cli(AS_ANN, "docs", "put", folder.toString(), "--parallel", "1");
        assertNotEquals(0, put.exitCode(), put.stdout());
        List<String> lines = put.stdout().lines().toList();
        assertEquals(100, lines.size(), put.stderr());
        for (int i = 0; i < 100; i++) {
            assertTrue(lines.get(i).matches("\\S+  " + String.format("partial-a-%03d\\.txt", i)), lines.get(i));
        }
        assertTrue(put.stderr().contains("100 of 151 files were registered (listed above); the others were not:"), put.stderr());
        assertTrue(put.stderr().contains("INVALID_NAME"), put.stderr());
        assertTrue(put.stderr().length() < 2000, "the failure is a few lines, not the list again: " + put.stderr().length() + " characters");
        try (Connection c = user("ann")) {
            assertEquals(100, new DocumentsClient(c).search(DocumentQuery.all().withName("partial-")).total());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private Connection user(String name) {
        return server.connect(name, name + "-password-1");
    }

    private List<String> blobFiles() throws IOException {
        Path blobs = server.data.resolve("blobs");
        try (Stream<Path> s = Files.walk(blobs)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(blobs.resolve("tmp")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
