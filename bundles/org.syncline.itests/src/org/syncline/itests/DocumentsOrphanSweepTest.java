package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.core.Sha256;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.NodeFile;
import org.syncline.documents.NodeFileList;
import org.syncline.documents.NodeInfo;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.protocol.Connection;
import org.syncline.testing.Await;
import org.syncline.testing.ServerProcess;

/**
 * The registry's automatic orphan sweep with a registry and a storage node as real processes, the grace period set
 * to a few seconds: files put on the node behind the registry's back are orphans at its next hello; the listing
 * says when each will be purged; once due, a stray one is purged from the node's folder and logged, while a
 * document's file and one adopted within the grace period stay and read back whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsOrphanSweepTest {
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private static final String GRACE_SECONDS = "20";
    private Path homes;
    private ServerProcess registry;
    private ServerProcess node;
    private Connection admin;
    private DocumentsClient docs;

    @BeforeAll
    void start() throws Exception {
        homes = Files.createTempDirectory("syncline-itest-sweep");
        registry = new ServerProcess(homes.resolve("registry"), "--roles", "registry", "--set", "docs.orphan-grace=" + GRACE_SECONDS + "s");
        node = new ServerProcess(homes.resolve("sweepy"), "--roles", "storage", "--join", registry.address().toString(), "--token",
                registry.enrollmentToken(), "--set", "docs.node-name=sweepy", "--set", "docs.heartbeat=1s");
        admin = registry.connect("admin", ServerProcess.ADMIN_PASSWORD);
        docs = new DocumentsClient(admin);
        await(() -> docs.nodes().stream().anyMatch(n -> n.name().equals("sweepy") && n.isUp()), "the node up");
    }

    @AfterAll
    void stop() throws Exception {
        admin.close();
        node.close();
        registry.close();
    }

    @Test
    void aStrayFileIsPurgedOnceDueWhileADocumentsFileAndAnAdoptedOneStay() throws Exception {
        byte[] kept = "a registered document's bytes\n".getBytes(StandardCharsets.UTF_8);
        DocumentInfo document = docs.register("kept.txt", null, "", List.of(), "sweepy", new ByteArrayInputStream(kept));
        node.terminate();
        byte[] stray = "put on the node by hand, registered by nobody\n".getBytes(StandardCharsets.UTF_8);
        byte[] adoptable = "an orphan an admin adopts in time\n".repeat(10).getBytes(StandardCharsets.UTF_8);
        String straySha = placeBlob(stray);
        String adoptSha = placeBlob(adoptable);
        node.start();

        // the node's hello: its inventory makes both files orphans, each with the date the sweep purges it
        await(() -> {
            NodeFileList o = docs.orphans("sweepy", 100);
            return o.purgeAfter().containsKey(straySha) && o.purgeAfter().containsKey(adoptSha);
        }, "both orphans listed with their purge dates");
        DocumentInfo adopted = docs.adopt("sweepy", adoptSha, "adopted.txt");
        NodeFileList listed = docs.orphans("sweepy", 100);
        Instant due = listed.purgeAfter().get(straySha);
        assertTrue(due.isAfter(Instant.now().minusSeconds(60)) && due.isBefore(Instant.now().plusSeconds(60)), "due in seconds: " + due);
        assertFalse(listed.files().stream().map(NodeFile::sha256).anyMatch(document.sha256()::equals), "a document's file is no orphan");
        assertFalse(listed.files().stream().map(NodeFile::sha256).anyMatch(adoptSha::equals), "an adopted file is no orphan");
        var cli = registry.cli(AS_ADMIN, "docs", "node", "orphans", "sweepy");
        assertEquals(0, cli.exitCode(), cli.stderr());
        assertTrue(cli.stdout().lines().anyMatch(l -> l.startsWith(straySha) && l.contains("purged automatically after 20")), cli.stdout());

        // due: the next heartbeat's sweep deletes the stray file from the node and the registry forgets it
        await(() -> blobOn(straySha).isEmpty(), "the stray file purged from the node's folder");
        await(() -> docs.orphans("sweepy", 100).files().isEmpty(), "no orphan left");
        await(() -> logLines(registry, "Purged orphan " + straySha) == 1, "the purge logged on the registry");

        // seen in the same inventory as the stray one, so the pass that purged it would have taken these too
        assertTrue(blobOn(document.sha256()).isPresent(), "the document's file stays");
        assertTrue(blobOn(adoptSha).isPresent(), "the adopted file stays");
        assertArrayEquals(kept, get(document.id()));
        assertArrayEquals(adoptable, get(adopted.id()));
        assertTrue(docs.nodes().stream().filter(n -> n.name().equals("sweepy")).allMatch(NodeInfo::isUp));
    }

    private byte[] get(String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docs.get(id, 0, out);
        return out.toByteArray();
    }

    private String placeBlob(byte[] content) throws IOException {
        String sha = Sha256.hex(new ByteArrayInputStream(content));
        Path dir = node.data.resolve("docs").resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4));
        Files.createDirectories(dir);
        Files.write(dir.resolve(sha), content);
        return sha;
    }

    private java.util.Optional<Path> blobOn(String sha) {
        try (Stream<Path> files = Files.walk(node.data.resolve("docs").resolve("blobs"))) {
            return files.filter(p -> p.getFileName().toString().equals(sha)).findFirst();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long logLines(ServerProcess server, String text) {
        long n = 0;
        try (Stream<Path> logs = Files.list(server.data.resolve("logs"))) {
            for (Path log : logs.toList()) {
                n += Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).count();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what, Duration.ofSeconds(60));
    }
}
