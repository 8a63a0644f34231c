package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/** A database held by another JVM (Derby's own ij tool, from the jars this bundle carries) is refused. */
class OtherProcessTest {
    private static final String PROMPT = "ij> ";

    @TempDir
    Path tmp;

    @Test
    void aDatabaseHeldByAnotherProcessIsRefusedUntilItLetsGo() throws Exception {
        Path dir = tmp.resolve("db");
        Database.open(dir).close();

        Process ij = startIj();
        StringBuilder out = new StringBuilder();
        Thread reader = drain(ij.getInputStream(), out);
        try (Writer in = new OutputStreamWriter(ij.getOutputStream(), StandardCharsets.UTF_8)) {
            awaitPrompts(out, 1);
            in.write("connect 'jdbc:derby:directory:" + dir + "';\n");
            in.flush();
            awaitPrompts(out, 2);
            assertFalse(out.toString().contains("ERROR"), out.toString());

            SynclineException e = assertThrows(SynclineException.class,
                    () -> Database.open(dir));
            assertEquals(ErrorCode.STORAGE, e.code());
            assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());

            in.write("disconnect;\nexit;\n");
            in.flush();
        } finally {
            if (!ij.waitFor(60, TimeUnit.SECONDS)) {
                ij.destroyForcibly();
            }
            reader.join(10_000);
        }
        try (Database db = Database.open(dir)) {
            assertTrue(db.schemaVersion() > 0, "usable again once the other process let go");
        }
    }

    private Process startIj() throws IOException {
        List<String> classPath = new ArrayList<>();
        for (String jar : List.of("derby.jar", "derbyshared.jar", "derbytools.jar")) {
            Path copy = tmp.resolve(jar);
            try (InputStream in = Database.class.getClassLoader().getResourceAsStream("lib/" + jar)) {
                if (in == null) {
                    fail("lib/" + jar + " is not in the store bundle");
                }
                Files.copy(in, copy);
            }
            classPath.add(copy.toString());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, classPath),
                "-Dderby.stream.error.file=" + tmp.resolve("ij-derby.log"), "org.apache.derby.tools.ij")
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .start();
    }

    private static Thread drain(InputStream stream, StringBuilder out) {
        Thread t = new Thread(() -> {
            try (Reader r = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                int ch;
                while ((ch = r.read()) >= 0) {
                    synchronized (out) {
                        out.append((char) ch);
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "ij output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void awaitPrompts(StringBuilder out, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (out) {
                if (out.toString().split(PROMPT, -1).length - 1 >= count) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        synchronized (out) {
            fail("ij did not answer within 60 s; it printed: " + out);
        }
    }
}
