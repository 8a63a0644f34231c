package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;
import org.syncline.documents.BatchFile;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.NodeInfo;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.protocol.Connection;
import org.syncline.testing.Await;
import org.syncline.testing.ServerProcess;

/**
 * A registry-only server and two storage-only nodes, all real processes on loopback ports with their own data
 * directories: nodes join with tokens and heartbeat; the registry puts bytes on the node asked for or the one
 * with most free space, streams them back, survives a node killed mid-upload, marks dead nodes down, and
 * finishes a deletion when the node that holds the bytes returns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageNodesTest {
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private Path homes;
    private ServerProcess registry;
    private ServerProcess small;
    private ServerProcess large;
    private Connection admin;
    private DocumentsClient docs;

    @BeforeAll
    void start() throws Exception {
        homes = Files.createTempDirectory("syncline-itest-nodes");
        registry = new ServerProcess(homes.resolve("registry"), "--roles", "registry");
        small = node("small", 10_000_000L);
        large = node("large", 100_000_000L);
        admin = registry.connect("admin", ServerProcess.ADMIN_PASSWORD);
        docs = new DocumentsClient(admin);
        await(() -> upNodes().size() == 2, "both nodes up");
    }

    /** Each test starts with both nodes running and up, whatever the one before it left (a failure between kill and restart). */
    @BeforeEach
    void bothNodesUp() throws Exception {
        for (ServerProcess node : List.of(small, large)) {
            if (!node.process().isAlive()) {
                node.start();
            }
        }
        await(() -> upNodes().size() == 2, "both nodes up");
    }

    @AfterAll
    void stop() throws Exception {
        admin.close();
        small.close();
        large.close();
        registry.close();
    }

    private ServerProcess node(String name, long capacity) throws Exception {
        return new ServerProcess(homes.resolve(name), "--roles", "storage", "--join", registry.address().toString(), "--token",
                registry.enrollmentToken(), "--set", "docs.node-name=" + name, "--set", "docs.capacity=" + capacity,
                "--set", "docs.heartbeat=1s");
    }

    private List<String> upNodes() {
        return docs.nodes().stream().filter(NodeInfo::isUp).map(NodeInfo::name).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what, Duration.ofSeconds(30));
    }

    private static Optional<Path> blobOn(ServerProcess node, String sha) throws IOException {
        Path dir = node.data.resolve("docs").resolve("blobs");
        for (int attempt = 1;; attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(p -> p.getFileName().toString().equals(sha)).findFirst();
            } catch (java.io.UncheckedIOException e) {
                // the node deletes blobs (and their emptied folders) while the walk lists them: walk again
                if (attempt == 5) {
                    throw e.getCause();
                }
            }
        }
    }

    private DocumentInfo put(String name, byte[] content, String node) {
        return docs.register(name, null, "", List.of(), node, new ByteArrayInputStream(content));
    }

    private byte[] get(String id, int version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docs.get(id, version, out);
        return out.toByteArray();
    }

    @Test
    void aBatchGoesToTheJoinedNodeEachFileConfirmedAndComesBackIdentical() throws Exception {
        List<byte[]> contents = List.of("first of the batch\n".getBytes(), "second of the batch\n".repeat(50).getBytes(), new byte[0]);
        List<BatchFile> files = List.of(new BatchFile("batch-1.txt", null, null, List.of("batch"), contents.get(0).length),
                new BatchFile("batch-2.txt", null, null, List.of("batch"), contents.get(1).length),
                new BatchFile("batch-3.bin", null, null, List.of("batch"), 0));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        contents.forEach(all::writeBytes);
        List<DocumentInfo> added = docs.registerBatch(files, "small", new ByteArrayInputStream(all.toByteArray()));
        assertEquals(List.of("batch-1.txt", "batch-2.txt", "batch-3.bin"), added.stream().map(DocumentInfo::name).toList());
        for (int i = 0; i < contents.size(); i++) {
            assertEquals("small", added.get(i).node());
            assertTrue(blobOn(small, added.get(i).sha256()).isPresent(), "the small node holds file " + (i + 1));
            assertArrayEquals(contents.get(i), get(added.get(i).id(), 0));
        }
        // a batch that is short of bytes on the joined node leaves neither rows nor blobs there
        byte[] lone = "only on the node for a moment\n".getBytes();
        List<BatchFile> shortOne = List.of(new BatchFile("lone.txt", null, null, null, lone.length), new BatchFile("short.txt", null, null, null, 99));
        SynclineException e = assertThrows(SynclineException.class, () -> docs.registerBatch(shortOne, "small", new ByteArrayInputStream(lone)));
        assertTrue(e.getMessage().contains("'short.txt'"), e.getMessage());
        assertEquals(0, docs.search(DocumentQuery.all().withName("lone")).total());
        assertFalse(blobOn(small, org.syncline.core.Sha256.hex(new ByteArrayInputStream(lone))).isPresent(), "the stored blob was removed again");
    }

    @Test
    void nodesJoinAndReportWhereTheyListenAndTheirSpace() {
        List<NodeInfo> nodes = docs.nodes();
        assertEquals(List.of("large", "small"), nodes.stream().map(NodeInfo::name).toList(), "a registry-only server has no local node");
        NodeInfo s = nodes.get(1);
        assertEquals(small.address().toString(), s.address());
        assertEquals(10_000_000L, s.capacity());
        assertTrue(s.free() <= s.capacity() && s.free() > 0, s.toString());
        assertFalse(s.local());
    }

    @Test
    void bytesGoToTheNodeAskedForOrTheOneWithMostFreeSpaceAndComeBackIdentical() throws Exception {
        byte[] one = "kept on the small node\n".repeat(1000).getBytes();
        byte[] two = "kept where the registry chose\n".repeat(1000).getBytes();
        DocumentInfo onSmall = put("on-small.txt", one, "small");
        assertEquals("small", onSmall.node());
        assertTrue(blobOn(small, onSmall.sha256()).isPresent(), "the small node's blob folder has the file");
        assertFalse(blobOn(large, onSmall.sha256()).isPresent());
        DocumentInfo chosen = put("chosen.txt", two, null);
        assertEquals("large", chosen.node(), "the large node has more free space");
        assertTrue(blobOn(large, chosen.sha256()).isPresent());
        assertArrayEquals(one, get(onSmall.id(), 0));
        assertArrayEquals(two, get(chosen.id(), 0));

        var found = docs.search(DocumentQuery.all().withNode("small"));
        assertTrue(found.documents().stream().allMatch(d -> d.node().equals("small")) && found.documents().stream()
                .anyMatch(d -> d.id().equals(onSmall.id())), found.toString());
        var cli = registry.cli(AS_ADMIN, "docs", "find", "--node", "large");
        assertEquals(0, cli.exitCode(), cli.stderr());
        assertTrue(cli.stdout().contains(chosen.id()) && !cli.stdout().contains(onSmall.id()), cli.stdout());

        // a new version goes where the document is, and both versions come back
        byte[] three = "second version\n".repeat(500).getBytes();
        DocumentInfo updated = docs.update(onSmall.id(), new ByteArrayInputStream(three));
        assertEquals(2, updated.version());
        assertEquals("small", updated.node());
        assertArrayEquals(three, get(onSmall.id(), 0));
        assertArrayEquals(one, get(onSmall.id(), 1));

        SynclineException unknown = assertThrows(SynclineException.class, () -> put("x.txt", one, "nosuch"));
        assertEquals(ErrorCode.NOT_FOUND, unknown.code());
    }

    @Test
    void aNodeKilledDuringAnUploadLeavesNoDocumentAndTheClientIsTold() throws Exception {
        long before = docs.search(DocumentQuery.all()).total();
        long size = 512L * 1024 * 1024;
        InputStream endless = new InputStream() {
            private long sent;
            private boolean killed;

            @Override
            public int read() {
                byte[] b = new byte[1];
                return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                if (!killed && sent > 4 * 1024 * 1024) {
                    killed = true;
                    try {
                        small.kill9();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int n = (int) Math.min(len, size - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                sent += n;
                return n;
            }
        };
        SynclineException e = assertThrows(SynclineException.class, () -> docs.register("big.bin", null, "", List.of(), "small", endless));
        assertTrue(e.getMessage().contains("'small'"), e.getMessage());
        assertEquals(before, docs.search(DocumentQuery.all()).total(), "no document appeared");
        assertTrue(docs.search(DocumentQuery.all().withName("big.bin")).documents().isEmpty());

        small.start();
        await(() -> upNodes().contains("small"), "the small node back up");
        // The node may still be "up" from before the kill (three heartbeats have not passed) while the new
        // process finishes starting: the registry then says "try again", which is what a user does too.
        DocumentInfo[] retry = new DocumentInfo[1];
        await(() -> {
            try {
                retry[0] = put("after-restart.txt", "retried".getBytes(), "small");
                return true;
            } catch (SynclineException again) {
                assertTrue(again.getMessage().contains("'small'"), again.getMessage());
                return false;
            }
        }, "an upload to the restarted small node");
        assertArrayEquals("retried".getBytes(), get(retry[0].id(), 0));
    }

    @Test
    void aDeadNodeIsMarkedDownAndADeletionWaitsForItsReturn() throws Exception {
        byte[] content = "deleted while its node is down\n".repeat(100).getBytes();
        DocumentInfo doc = put("doomed.txt", content, "large");
        assertTrue(blobOn(large, doc.sha256()).isPresent());

        BlockingQueue<NodeInfo> events = new LinkedBlockingQueue<>();
        try (Connection watcher = registry.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            new DocumentsClient(watcher).watchNodes(events::add);
            large.kill9();
            NodeInfo down = null;
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && (down == null || !down.name().equals("large") || down.isUp())) {
                down = events.poll(1, TimeUnit.SECONDS);
            }
            assertTrue(down != null && down.name().equals("large") && NodeInfo.DOWN.equals(down.status()), String.valueOf(down));

            SynclineException refused = assertThrows(SynclineException.class, () -> put("x.txt", content, "large"));
            assertTrue(refused.getMessage().contains("is down"), refused.getMessage());

            docs.delete(doc.id());
            assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> docs.info(doc.id())).code());
            assertTrue(docs.search(DocumentQuery.all().withName("doomed")).documents().isEmpty(), "invisible at once");
            assertTrue(blobOn(large, doc.sha256()).isPresent(), "the bytes wait on the dead node");

            large.start();
            NodeInfo up = null;
            deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && (up == null || !up.name().equals("large") || !up.isUp())) {
                up = events.poll(1, TimeUnit.SECONDS);
            }
            assertTrue(up != null && up.isUp(), "an up event for the returning node: " + up);
        }
        await(() -> {
            try {
                return blobOn(large, doc.sha256()).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, "the queued deletion runs once the node is back");
    }

    /**
     * kill -9 of a node while deletions of its documents are running (a 24 MiB file among them), then a restart:
     * every deleted document is gone at once for users, the node's folder ends up holding exactly the bytes of the
     * documents that remain (the queued deletions ran, nothing was deleted twice or too early), no version is
     * missing and the node reports no orphan.
     */
    @Test
    void aNodeKilledDuringDeletionsEndsWithMetadataAndFilesInAgreement() throws Exception {
        java.util.Random random = new java.util.Random(9);
        byte[] bigContent = new byte[24 * 1024 * 1024];
        random.nextBytes(bigContent);
        List<DocumentInfo> doomed = new java.util.ArrayList<>();
        doomed.add(put("big-doomed.bin", bigContent, "large"));
        List<DocumentInfo> kept = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] content = ("file " + i + " " + random.nextLong() + "\n").repeat(50).getBytes();
            (i % 4 == 0 ? kept : doomed).add(put("del-" + i + ".txt", content, "large"));
        }
        for (DocumentInfo d : doomed) {
            assertTrue(blobOn(large, d.sha256()).isPresent(), d.name());
        }

        java.util.concurrent.ExecutorService deleters = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.atomic.AtomicInteger deleted = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
        for (DocumentInfo d : doomed) {
            calls.add(deleters.submit(() -> {
                docs.delete(d.id());
                deleted.incrementAndGet();
            }));
        }
        await(() -> deleted.get() >= 3, "the first deletions done");
        large.kill9();
        for (java.util.concurrent.Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS); // a deletion never fails for the user because the node died
        }
        deleters.shutdown();
        for (DocumentInfo d : doomed) {
            assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> docs.info(d.id())).code(), d.name());
        }
        assertTrue(docs.search(DocumentQuery.all().withName("doomed")).documents().isEmpty(), "invisible at once");

        large.start();
        await(() -> upNodes().contains("large"), "the killed node back up");
        await(() -> {
            try {
                for (DocumentInfo d : doomed) {
                    if (blobOn(large, d.sha256()).isPresent()) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }, "every queued deletion ran once the node was back");
        for (DocumentInfo d : kept) {
            assertTrue(blobOn(large, d.sha256()).isPresent(), "kept bytes are still there: " + d.name());
            assertEquals(DocumentInfo.OK, docs.info(d.id()).state(), d.name());
            assertArrayEquals(blobBytes(large, d.sha256()), get(d.id(), 0));
        }
        await(() -> docs.orphans("large", 1000).total() == 0, "no orphan on the node: " + docs.orphans("large", 1000).files());
        var files = docs.nodeFiles("large", 1000).files();
        for (DocumentInfo d : doomed) {
            assertTrue(files.stream().noneMatch(f -> f.sha256().equals(d.sha256())), "no inventory entry for deleted " + d.name());
        }
        for (DocumentInfo d : kept) {
            assertTrue(files.stream().anyMatch(f -> f.sha256().equals(d.sha256()) && f.references() == 1), "inventory has " + d.name());
        }
    }

    private static byte[] blobBytes(ServerProcess node, String sha) throws IOException {
        return Files.readAllBytes(blobOn(node, sha).orElseThrow());
    }

    private static String placeBlob(ServerProcess node, byte[] content) throws IOException {
        String sha = org.syncline.core.Sha256.hex(content);
        Path dir = node.data.resolve("docs").resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4));
        Files.createDirectories(dir);
        Files.write(dir.resolve(sha), content);
        return sha;
    }

    @Test
    void aRestartedNodeReportsItsInventoryMissingFilesAndOrphansAreShownAndAdoptedOrPurged() throws Exception {
        DocumentInfo gone = put("gone.txt", "removed by hand while the node was down\n".getBytes(), "small");
        DocumentInfo kept = put("kept.txt", "still there\n".getBytes(), "small");
        assertEquals(DocumentInfo.OK, docs.info(gone.id()).state());
        small.terminate();
        Files.delete(blobOn(small, gone.sha256()).orElseThrow());
        byte[] adoptable = "a file nobody registered\n".repeat(20).getBytes();
        byte[] purgeable = "another stray file\n".getBytes();
        String adoptSha = placeBlob(small, adoptable);
        String purgeSha = placeBlob(small, purgeable);
        small.start();

        await(() -> DocumentInfo.MISSING.equals(docs.info(gone.id()).state()), "the removed file's document marked missing");
        assertEquals(DocumentInfo.OK, docs.info(kept.id()).state());
        SynclineException missing = assertThrows(SynclineException.class, () -> get(gone.id(), 0));
        assertTrue(missing.getMessage().contains("missing from storage node 'small'"), missing.getMessage());
        var info = registry.cli(AS_ADMIN, "docs", "info", gone.id());
        assertTrue(info.stdout().contains("missing"), info.stdout());

        var orphans = registry.cli(AS_ADMIN, "--json", "docs", "node", "orphans", "small");
        assertEquals(0, orphans.exitCode(), orphans.stderr());
        assertTrue(orphans.stdout().contains(adoptSha) && orphans.stdout().contains(purgeSha), orphans.stdout());
        assertFalse(orphans.stdout().contains(kept.sha256()), "a file a document uses is no orphan");
        var files = registry.cli(AS_ADMIN, "--json", "docs", "node", "files", "small");
        assertTrue(files.stdout().contains(kept.sha256()) && files.stdout().contains(adoptSha), files.stdout());

        String pw = registry.writeFile("nora.pw", "nora-password-1\n").toString();
        assertEquals(0, registry.cli(AS_ADMIN, "user", "add", "nora", "--password-file", pw).exitCode());
        Map<String, String> asNora = Map.of("SYNCLINE_USER", "nora", "SYNCLINE_PASSWORD", "nora-password-1");
        for (String[] cmd : List.of(new String[] {"docs", "node", "orphans", "small"},
                new String[] {"docs", "node", "adopt", "small", adoptSha, "--name", "mine.txt"},
                new String[] {"docs", "node", "purge", "small", purgeSha})) {
            var r = registry.cli(asNora, cmd);
            assertEquals(1, r.exitCode(), r.stdout());
            assertTrue(r.stderr().startsWith("syncline: ACCESS_DENIED: "), r.stderr());
        }

        var adopt = registry.cli(AS_ADMIN, "--json", "docs", "node", "adopt", "small", adoptSha, "--name", "adopted.txt");
        assertEquals(0, adopt.exitCode(), adopt.stderr());
        String adoptedId = JsonObject.parse(adopt.stdout()).string("id");
        DocumentInfo adopted = docs.info(adoptedId);
        assertEquals("admin", adopted.owner());
        assertEquals("small", adopted.node());
        assertArrayEquals(adoptable, get(adoptedId, 0));

        var purge = registry.cli(AS_ADMIN, "docs", "node", "purge", "small", purgeSha);
        assertEquals(0, purge.exitCode(), purge.stderr());
        assertTrue(blobOn(small, purgeSha).isEmpty(), "purged from the node's folder");
        var after = registry.cli(AS_ADMIN, "--json", "docs", "node", "orphans", "small");
        assertFalse(after.stdout().contains(purgeSha) || after.stdout().contains(adoptSha), after.stdout());
        var notOrphan = registry.cli(AS_ADMIN, "docs", "node", "purge", "small", kept.sha256());
        assertEquals(1, notOrphan.exitCode());
        assertTrue(notOrphan.stderr().contains("not an orphan"), notOrphan.stderr());
    }

    /** Lines of the server's log (DATA/logs) that contain {@code text}. */
    private static long logLines(ServerProcess server, String text) throws IOException {
        long n = 0;
        try (Stream<Path> logs = Files.list(server.data.resolve("logs"))) {
            for (Path log : logs.toList()) {
                n += Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).count();
            }
        }
        return n;
    }

    @Test
    void largeContentGoesStraightBetweenClientAndNodeOnATicketAndComesBackIdentical() throws Exception {
        // three times the stream window (16 chunks of 64 KiB), and not a whole number of chunks
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(3).nextBytes(big);
        long ticketLoginsBefore = logLines(large, "'#ticket:docs:");
        DocumentInfo d = put("direct.bin", big, "large");
        assertEquals("large", d.node());
        assertEquals(big.length, d.size());
        assertEquals(org.syncline.core.Sha256.hex(new ByteArrayInputStream(big)), d.sha256(), "the node's SHA-256 of what it stored");
        assertTrue(blobOn(large, d.sha256()).isPresent());
        assertArrayEquals(big, get(d.id(), 0));
        byte[] second = java.util.Arrays.copyOf(big, big.length + 1000);
        DocumentInfo v2 = docs.update(d.id(), new ByteArrayInputStream(second));
        assertEquals(2, v2.version());
        assertArrayEquals(second, get(d.id(), 0));
        assertArrayEquals(big, get(d.id(), 1));
        await(() -> {
            try {
                return logLines(large, "'#ticket:docs:") - ticketLoginsBefore >= 5;
            } catch (IOException e) {
                return false;
            }
        }, "five ticket logins at the node (register, update, three gets): the bytes went straight");
        assertEquals(1, docs.search(DocumentQuery.all().withName("direct.bin")).total());
    }

    /**
     * The node sends a direct download without hashing it (the client checks): a stored copy damaged on the node's disk
     * fails 'docs get' with a message that says so, and the target file is not written.
     */
    @Test
    void aDamagedCopyOnTheNodeFailsTheDownloadAndWritesNothing() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        new java.util.Random(11).nextBytes(big);
        DocumentInfo d = put("damaged.bin", big, "large");
        Path blob = blobOn(large, d.sha256()).orElseThrow();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(blob, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] { (byte) (big[1_000_000] ^ 0x55) }), 1_000_000);
        }
        Path target = homes.resolve("damaged-download.bin");
        var got = registry.cli(AS_ADMIN, "docs", "get", d.id(), "-o", target.toString());
        assertEquals(1, got.exitCode(), got.stdout() + got.stderr());
        assertTrue(got.stderr().contains("do not match their SHA-256") && got.stderr().contains("the stored copy is damaged"), got.stderr());
        assertFalse(Files.exists(target), "nothing written");
        Files.write(blob, big); // as it was, for the tests after
        assertEquals(0, registry.cli(AS_ADMIN, "docs", "get", d.id(), "-o", target.toString()).exitCode());
        assertArrayEquals(big, Files.readAllBytes(target));
    }

    @Test
    void aTicketAllowsOneTransferOfItsKindToItsHolderOnly() throws Exception {
        JsonObject route = admin.request(org.syncline.documents.DocumentsMessages.TRANSFER,
                org.syncline.core.json.Json.object("purpose", "put", "name", "t.bin", "node", "small")).object("direct");
        org.syncline.core.HostPort at = new org.syncline.core.HostPort(route.string("host"), (int) route.number("port"));
        assertEquals(small.address(), at);
        String login = org.syncline.protocol.TicketCheck.loginName("docs", route.string("ticket"));
        SynclineException forged = assertThrows(SynclineException.class, () -> ticketSession(at, login, "forged", route.string("fingerprint")));
        assertEquals(ErrorCode.AUTH_FAILED, forged.code());
        try (Connection node = ticketSession(at, login, route.string("secret"), route.string("fingerprint"))) {
            for (String memberOnly : List.of("docs.blob.has", "docs.blob.delete", "docs.blob.ticket", "docs.blob.claim")) {
                SynclineException e = assertThrows(SynclineException.class, () -> node.request(memberOnly,
                        org.syncline.core.json.Json.object("sha256", "0".repeat(64), "ticket", "x", "purpose", "put")));
                assertEquals(ErrorCode.ACCESS_DENIED, e.code(), memberOnly);
            }
            assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> node.download("docs.blob.fetch",
                    org.syncline.core.json.Json.object(), new ByteArrayOutputStream())).code(), "a put ticket does not download");
            SynclineException notUser = assertThrows(SynclineException.class, () -> node.request("docs.search",
                    org.syncline.core.json.Json.object()));
            assertTrue(notUser.code() == ErrorCode.ACCESS_DENIED || notUser.code() == ErrorCode.BAD_REQUEST, notUser.toString());
        }
        SynclineException again = assertThrows(SynclineException.class, () -> ticketSession(at, login, route.string("secret"),
                route.string("fingerprint")));
        assertEquals(ErrorCode.AUTH_FAILED, again.code(), "a ticket admits one login");
        // nothing was uploaded with it: registering with it fails and leaves no document; a made-up ticket is refused
        SynclineException unsent = assertThrows(SynclineException.class, () -> admin.request(org.syncline.documents.DocumentsMessages.REGISTER_DIRECT,
                org.syncline.core.json.Json.object("ticket", route.string("ticket"), "name", "t.bin")));
        assertEquals(ErrorCode.NOT_FOUND, unsent.code());
        SynclineException madeUp = assertThrows(SynclineException.class, () -> admin.request(org.syncline.documents.DocumentsMessages.REGISTER_DIRECT,
                org.syncline.core.json.Json.object("ticket", "f".repeat(32), "name", "t.bin")));
        assertEquals(ErrorCode.ACCESS_DENIED, madeUp.code());
        assertTrue(docs.search(DocumentQuery.all().withName("t.bin")).documents().isEmpty());
    }

    private Connection ticketSession(org.syncline.core.HostPort at, String login, String secret, String fingerprint) throws IOException {
        Path pins = Files.createTempFile(homes, "pins", ".known");
        return Connection.open(new org.syncline.protocol.ConnectionSettings(at, login, secret.toCharArray(), "itest",
                java.time.Duration.ofSeconds(20), false), new org.syncline.protocol.KnownServers(pins), (hp, fp) -> fp.equalsIgnoreCase(fingerprint));
    }

    @Test
    void usersCannotActAsNodes() {
        SynclineException e = assertThrows(SynclineException.class, () -> admin.request("docs.node.heartbeat",
                org.syncline.core.json.Json.object("capacity", 1, "free", 1)));
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
    }
}
