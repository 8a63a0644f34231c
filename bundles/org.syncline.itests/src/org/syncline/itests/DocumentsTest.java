package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
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
import org.junit.jupiter.api.function.Executable;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;
import org.syncline.documents.DocumentEvent;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentPage;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.DocumentShare;
import org.syncline.documents.VersionInfo;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ServerStatus;
import org.syncline.testing.ServerProcess;

/**
 * Documents against the real server product (registry and storage in one process): the whole life of a
 * document, rights per document, bad names, an upload cut off half-way, the CLI, and pushed events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsTest {
    private static final long MIB = 1024 * 1024;
    private ServerProcess server;
    private Connection admin;

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-docs"));
        admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD);
        AdminClient a = new AdminClient(admin);
        for (String user : List.of("ann", "ben", "eve", "gus")) {
            a.addUser(user, (user + "-password-1").toCharArray(), false);
        }
        a.addGroup("staff");
        a.addMember("staff", "gus");
    }

    @AfterAll
    void stop() throws Exception {
        admin.close();
        server.close();
    }

    @Test
    void theServerRunsDocumentsForItsRegistryAndStorageRoles() {
        assertTrue(ServerStatus.of(admin).capabilities().contains("docs"), ServerStatus.of(admin).toString());
    }

    @Test
    void registerFindGetUpdateVersionsRenameShareDelete() throws Exception {
        try (Connection annConn = user("ann"); Connection benConn = user("ben"); Connection gusConn = user("gus")) {
            DocumentsClient ann = new DocumentsClient(annConn);
            DocumentsClient ben = new DocumentsClient(benConn);
            long size1 = 6 * MIB + 123;
            String sha1 = sha(new PatternStream(size1, 1));
            DocumentInfo d = ann.register("Quarterly Report.bin", "Ann Author", "numbers", List.of("finance", "q3"), new PatternStream(size1, 1));
            assertEquals(size1, d.size());
            assertEquals(sha1, d.sha256());
            assertEquals(1, d.version());
            assertEquals("ann", d.owner());
            assertEquals("Ann Author", d.author());
            assertEquals(List.of("finance", "q3"), d.tags());
            assertEquals("application/octet-stream", d.mimeType());
            assertFalse(d.node().isBlank());

            DocumentPage found = ann.search(DocumentQuery.all().withName("quarterly"));
            assertEquals(1, found.total());
            assertEquals(d.id(), found.documents().get(0).id());
            assertEquals(0, ann.search(new DocumentQuery("quarterly", null, null, null, null, null, size1 + 1, null, null, false, 1, 10)).total());
            assertEquals(1, ann.search(new DocumentQuery(null, "ann author", null, "q3", null, null, size1, size1, null, false, 1, 10)).total());

            Downloaded got = download(ann, d.id(), 0);
            assertEquals(sha1, got.sha);
            assertEquals(size1, got.size);
            assertEquals(sha1, got.info.sha256());

            long size2 = 3 * MIB;
            String sha2 = sha(new PatternStream(size2, 2));
            DocumentInfo v2 = ann.update(d.id(), new PatternStream(size2, 2));
            assertEquals(2, v2.version());
            assertEquals(sha2, v2.sha256());
            assertEquals(List.of(2, 1), ann.versions(d.id()).stream().map(VersionInfo::version).toList());
            assertEquals(sha1, download(ann, d.id(), 1).sha, "the first version stays downloadable");
            assertEquals(sha2, download(ann, d.id(), 0).sha);
            assertEquals(ErrorCode.NOT_FOUND, refused(() -> download(ann, d.id(), 7)).code());

            assertEquals("Q3 Report.bin", ann.rename(d.id(), "Q3 Report.bin").name());
            assertEquals(ErrorCode.INVALID_NAME, refused(() -> ann.rename(d.id(), "../evil")).code());
            assertEquals("Q3 Report.bin", ann.info(d.id()).name());

            SynclineException denied = refused(() -> ben.info(d.id()));
            assertEquals(ErrorCode.ACCESS_DENIED, denied.code());
            assertTrue(denied.getMessage().contains(d.id()) && denied.getMessage().contains("'read'"), denied.getMessage());
            assertEquals(ErrorCode.ACCESS_DENIED, refused(() -> download(ben, d.id(), 0)).code());
            assertEquals(0, ben.search(DocumentQuery.all().withName("report")).total(), "search shows only what one may read");

            DocumentInfo shared = ann.share(d.id(), DocumentShare.USER, "ben", "read");
            assertEquals(List.of(new DocumentShare("user", "ben", "read")), shared.shares());
            assertEquals(sha2, download(ben, d.id(), 0).sha);
            assertEquals(1, ben.search(DocumentQuery.all().withName("report")).total());
            SynclineException noDelete = refused(() -> ben.delete(d.id()));
            assertEquals(ErrorCode.ACCESS_DENIED, noDelete.code());
            assertTrue(noDelete.getMessage().contains("'manage'") && noDelete.getMessage().contains(d.id()), noDelete.getMessage());
            assertEquals(ErrorCode.ACCESS_DENIED, refused(() -> ben.update(d.id(), new PatternStream(10, 3))).code());
            assertEquals(ErrorCode.ACCESS_DENIED, refused(() -> ben.share(d.id(), DocumentShare.USER, "ben", "write")).code());
            assertEquals(ErrorCode.NOT_FOUND, refused(() -> ann.share(d.id(), DocumentShare.USER, "nobody", "read")).code());
            // the share dialog's suggestions: for whoever may share the document (its owner), names starting with what was typed
            assertEquals(new org.syncline.protocol.ShareNames(List.of("ben"), List.of()), ann.shareNames(d.id(), "B"));
            assertEquals(List.of("staff"), ann.shareNames(d.id(), "st").groups());
            assertEquals(ErrorCode.ACCESS_DENIED, refused(() -> ben.shareNames(d.id(), "a")).code(), "a reader may not share it");

            ann.share(d.id(), DocumentShare.GROUP, "staff", "write");
            DocumentsClient gus = new DocumentsClient(gusConn);
            assertEquals(3, gus.update(d.id(), new PatternStream(1000, 4)).version(), "a group share gives its members the right");
            assertEquals("gus", gus.versions(d.id()).get(0).author());
            assertEquals(1, gus.search(DocumentQuery.all().withName("report")).total(), "search sees shares to one's groups");

            ann.delete(d.id());
            assertEquals(ErrorCode.NOT_FOUND, refused(() -> ann.info(d.id())).code());
            assertEquals(0, ann.search(DocumentQuery.all().withName("report")).total());
            assertFalse(blobFiles().contains(sha1) || blobFiles().contains(sha2), "deleting a document deletes its bytes");
        }
    }

    @Test
    void badNamesAreRefusedAndRegisterNothing() throws Exception {
        try (Connection c = user("ann")) {
            DocumentsClient ann = new DocumentsClient(c);
            for (String bad : List.of("a/b", "..", "back\\slash", "tab\tname", "x".repeat(256))) {
                SynclineException e = refused(() -> ann.register(bad, null, "", List.of(), new PatternStream(2 * MIB, 5)));
                assertEquals(ErrorCode.INVALID_NAME, e.code(), bad);
                assertTrue(e.getMessage().startsWith("The document name '"), e.getMessage());
            }
            assertEquals(0, ann.search(new DocumentQuery(null, null, null, null, null, null, 2 * MIB, 2 * MIB, null, false, 1, 10)).total());
        }
    }

    @Test
    void anUploadCutOffHalfWayLeavesNoDocumentAndNoPartialFile() throws Exception {
        List<String> before = blobFiles();
        try (Connection c = user("ann")) {
            DocumentsClient ann = new DocumentsClient(c);
            InputStream cut = new PatternStream(8 * MIB, 6) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (position() > 3 * MIB) {
                        throw new IOException("disk unplugged");
                    }
                    return super.read(b, off, len);
                }
            };
            SynclineException e = refused(() -> ann.register("half.bin", null, "", List.of(), cut));
            // the uploader's own disk, not the link or the node
            assertEquals(ErrorCode.STORAGE, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("disk unplugged"), e.getMessage());
            assertEquals(0, ann.search(DocumentQuery.all().withName("half")).total());
            Path tmp = server.data.resolve("blobs").resolve("tmp");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (count(tmp) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, count(tmp), "the blob store removed the partial upload");
            assertEquals(before, blobFiles());
            // the connection is still usable after the abandoned upload
            assertEquals(0, ann.search(DocumentQuery.all().withName("half")).total());
        }
    }

    @Test
    void theCliPutsFindsGetsAndRemovesWithJson() throws Exception {
        Map<String, String> asAnn = Map.of("SYNCLINE_USER", "ann", "SYNCLINE_PASSWORD", "ann-password-1");
        Path file = server.writeFile("minutes.txt", "Minutes of the meeting\n");
        var put = server.cli(asAnn, "--json", "docs", "put", file.toString(), "--tag", "meeting", "--description", "weekly");
        assertEquals(0, put.exitCode(), put.stderr());
        JsonObject added = first(JsonObject.parse(put.stdout()), "documents");
        String id = added.string("id");
        assertEquals("text/plain", added.string("mimeType"));

        var find = server.cli(asAnn, "--json", "docs", "find", "--name", "MINUTES", "--tag", "meeting", "--sort", "size", "--desc");
        assertEquals(0, find.exitCode(), find.stderr());
        JsonObject page = JsonObject.parse(find.stdout());
        assertEquals(1, page.number("total"));
        assertEquals(id, first(page, "documents").string("id"));

        Path out = server.home.resolve("downloaded.txt");
        var get = server.cli(asAnn, "--json", "docs", "get", id, "-o", out.toString());
        assertEquals(0, get.exitCode(), get.stderr());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(out));
        assertEquals(Sha256.hex(Files.readAllBytes(file)), JsonObject.parse(get.stdout()).string("sha256"));
        var again = server.cli(asAnn, "docs", "get", id, "-o", out.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.stderr().startsWith("syncline: ALREADY_EXISTS: ") && again.stderr().contains("--force"), again.stderr());

        // -o - writes the bytes to standard output (as curl's), the summary to stderr; --json cannot share it
        var toStdout = server.cli(asAnn, "docs", "get", id, "-o", "-");
        assertEquals(0, toStdout.exitCode(), toStdout.stderr());
        assertEquals("Minutes of the meeting\n", toStdout.stdout());
        assertTrue(toStdout.stderr().contains("to standard output (23 bytes)"), toStdout.stderr());
        assertFalse(Files.exists(Path.of("-")), "no file named '-'");
        var noFolder = server.cli(asAnn, "docs", "get", id, "-o", server.home.resolve("no-such-folder/minutes.txt").toString());
        assertEquals(1, noFolder.exitCode(), noFolder.stderr());
        assertTrue(noFolder.stderr().contains("There is no folder") && noFolder.stderr().contains("no-such-folder"), noFolder.stderr());
        assertFalse(Files.exists(server.home.resolve("no-such-folder")), "a mistyped path makes no folders");
        var jsonToStdout = server.cli(asAnn, "--json", "docs", "get", id, "-o", "-");
        assertEquals(2, jsonToStdout.exitCode(), jsonToStdout.stderr());
        assertTrue(jsonToStdout.stderr().contains("-o PATH"), jsonToStdout.stderr());

        var help = server.cli(Map.of(), "docs", "get", "--help");
        assertEquals(0, help.exitCode(), help.stderr());
        assertTrue(help.stdout().contains("--version") && help.stdout().contains("--force"), help.stdout());

        var edit = server.cli(asAnn, "--json", "docs", "edit", id, "--author", "The Secretary", "--tag", "weekly", "--tag", "board");
        assertEquals(0, edit.exitCode(), edit.stderr());
        assertEquals(List.of("board", "weekly"), JsonObject.parse(edit.stdout()).list("tags"));
        var byAuthor = server.cli(asAnn, "--json", "docs", "find", "--author", "the secretary");
        assertEquals(1, JsonObject.parse(byAuthor.stdout()).number("total"), byAuthor.stdout());

        var badDate = server.cli(asAnn, "docs", "find", "--modified-after", "someday");
        assertEquals(2, badDate.exitCode(), badDate.stderr());
        // sizes with units, as rsync reads them: the 23-byte minutes are under 1K and over 20 bytes
        var small = server.cli(asAnn, "--json", "docs", "find", "--min-size", "20", "--max-size", "1K");
        assertEquals(0, small.exitCode(), small.stderr());
        assertEquals(1, JsonObject.parse(small.stdout()).number("total"), small.stdout());
        var large = server.cli(asAnn, "--json", "docs", "find", "--min-size", "1 KiB");
        assertEquals(0, JsonObject.parse(large.stdout()).number("total"), large.stdout());
        var badSize = server.cli(asAnn, "docs", "find", "--max-size", "12 parsecs");
        assertEquals(2, badSize.exitCode(), badSize.stderr());
        assertTrue(badSize.stderr().contains("--max-size takes a size such as"), badSize.stderr());

        var rm = server.cli(asAnn, "--json", "docs", "rm", id);
        assertEquals(0, rm.exitCode(), rm.stderr());
        var gone = server.cli(asAnn, "--json", "docs", "find", "--name", "minutes");
        assertEquals(0, JsonObject.parse(gone.stdout()).number("total"));
        var missing = server.cli(asAnn, "docs", "info", id);
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr().startsWith("syncline: NOT_FOUND: "), missing.stderr());
    }

    @Test
    void subscribersGetEventsOfTheDocumentsTheyMayRead() throws Exception {
        try (Connection annConn = user("ann"); Connection eveConn = user("eve"); Connection watcher = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            BlockingQueue<DocumentEvent> adminEvents = new LinkedBlockingQueue<>();
            BlockingQueue<DocumentEvent> eveEvents = new LinkedBlockingQueue<>();
            new DocumentsClient(watcher).watch(adminEvents::add);
            new DocumentsClient(eveConn).watch(eveEvents::add);
            DocumentsClient ann = new DocumentsClient(annConn);

            DocumentInfo d = ann.register("plan.txt", null, "", List.of(), new PatternStream(100, 7));
            DocumentEvent added = adminEvents.poll(10, TimeUnit.SECONDS);
            assertNotNull(added, "an admin may read every document, so gets its event");
            assertEquals(DocumentEvent.Kind.ADDED, added.kind());
            assertEquals(d.id(), added.document().id());
            assertNull(eveEvents.poll(500, TimeUnit.MILLISECONDS), "eve may not read it, so hears nothing of it");

            ann.share(d.id(), DocumentShare.USER, "eve", "read");
            DocumentEvent shared = eveEvents.poll(10, TimeUnit.SECONDS);
            assertNotNull(shared);
            assertEquals(DocumentEvent.Kind.CHANGED, shared.kind());
            assertEquals(List.of(new DocumentShare("user", "eve", "read")), shared.document().shares());

            ann.delete(d.id());
            DocumentEvent deleted = eveEvents.poll(10, TimeUnit.SECONDS);
            assertNotNull(deleted);
            assertEquals(DocumentEvent.Kind.DELETED, deleted.kind());
            assertEquals(d.id(), deleted.document().id());
        }
    }

    @Test
    void docsFindSortsNamesWithoutRegardToCaseBothWays() throws Exception {
        Map<String, String> asAnn = Map.of("SYNCLINE_USER", "ann", "SYNCLINE_PASSWORD", "ann-password-1");
        Path dir = Files.createDirectories(server.home.resolve("name-order"));
        for (String name : List.of("README-order.md", "audit-order.txt", "Budget-order.xlsx")) {
            Files.writeString(dir.resolve(name), name);
        }
        var put = server.cli(asAnn, "--json", "docs", "put", dir.toString());
        assertEquals(0, put.exitCode(), put.stderr());
        var up = server.cli(asAnn, "--json", "docs", "find", "--name", "-order.");
        assertEquals(0, up.exitCode(), up.stderr());
        assertEquals(List.of("audit-order.txt", "Budget-order.xlsx", "README-order.md"), names(JsonObject.parse(up.stdout())));
        var down = server.cli(asAnn, "--json", "docs", "find", "--name", "-order.", "--desc");
        assertEquals(List.of("README-order.md", "Budget-order.xlsx", "audit-order.txt"), names(JsonObject.parse(down.stdout())));
        try (Connection c = user("ann")) {
            for (Object d : JsonObject.parse(up.stdout()).list("documents")) {
                new DocumentsClient(c).delete((String) ((Map<?, ?>) d).get("id"));
            }
        }
    }

    private static List<String> names(JsonObject page) {
        return page.list("documents").stream().map(d -> (String) ((Map<?, ?>) d).get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static JsonObject first(JsonObject o, String key) {
        return new JsonObject((Map<String, Object>) o.list(key).get(0));
    }

    @Test
    void aKilledServerKeepsEveryCommittedDocumentWithItsBytes() throws Exception {
        long size = 2 * MIB + 7;
        String id;
        try (Connection c = user("ann")) {
            id = new DocumentsClient(c).register("kept.bin", null, "", List.of("durable"), new PatternStream(size, 8)).id();
        }
        admin.close();
        server.kill9();
        server.start();
        admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD);
        try (Connection c = user("ann")) {
            DocumentsClient ann = new DocumentsClient(c);
            assertEquals(List.of("durable"), ann.info(id).tags());
            assertEquals(sha(new PatternStream(size, 8)), download(ann, id, 0).sha);
            ann.delete(id);
        }
    }

    private Connection user(String name) {
        return server.connect(name, name + "-password-1");
    }

    private record Downloaded(String sha, long size, VersionInfo info) {
    }

    /** Streams the download through a digest, never holding it. */
    private static Downloaded download(DocumentsClient docs, String id, int version) {
        MessageDigest digest = Sha256.newDigest();
        long[] size = new long[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                size[0] += len;
            }
        };
        VersionInfo info = docs.get(id, version, new DigestOutputStream(counting, digest));
        return new Downloaded(HexFormat.of().formatHex(digest.digest()), size[0], info);
    }

    private static SynclineException refused(Executable call) {
        return assertThrows(SynclineException.class, call);
    }

    private static String sha(InputStream in) throws IOException {
        return Sha256.hex(in);
    }

    private List<String> blobFiles() throws IOException {
        Path blobs = server.data.resolve("blobs");
        try (Stream<Path> s = Files.walk(blobs)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(blobs.resolve("tmp")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    /** Deterministic bytes of any length, generated as they are read: a large upload without a large array. */
    private static class PatternStream extends InputStream {
        private final long size;
        private final long seed;
        private long pos;

        PatternStream(long size, long seed) {
            this.size = size;
            this.seed = seed;
        }

        long position() {
            return pos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                long x = (pos + i) * 0x9E3779B97F4A7C15L + seed * 0xBF58476D1CE4E5B9L;
                b[off + i] = (byte) ((x ^ (x >>> 29)) >>> 17);
            }
            pos += n;
            return n;
        }
    }
}
