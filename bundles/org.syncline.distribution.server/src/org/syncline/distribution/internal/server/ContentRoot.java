package org.syncline.distribution.internal.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.RelativePath;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.Delta;
import org.syncline.core.delta.Patch;
import org.syncline.core.delta.Signature;

/**
 * An agent's distribution root: the folder jobs read from (on a source) and write into (on a target). Every
 * path is relative and checked ({@link RelativePath}); a file is replaced only through {@link Patch#apply},
 * which writes a temp file, verifies the SHA-256 and renames it into place. Compression is the hop's
 * ({@link HopCompression}: deflate or zstd at its level, 0: none).
 */
final class ContentRoot {
    /** The temp files of atomic writes ({@code .NAME*.part}): never reported, never sent. */
    private static final String PART = ".part";
    private final Path root;

    ContentRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A regular file below a scanned folder. */
    record Entry(String path, long size, String sha256) {
    }

    /** The folder itself (absolute, normalised). */
    Path path() {
        return root;
    }

    /** Whether a file name is the temp file of an atomic write in progress. */
    static boolean isPart(String name) {
        return name.endsWith(PART);
    }

    Path resolve(String path) {
        return RelativePath.parse(path).resolveIn(root);
    }

    /** Every regular file below {@code dir} (symbolic links are not followed), paths relative to it, sorted. */
    List<Entry> scan(String dir) throws IOException {
        Path base = resolve(dir);
        List<Entry> out = new ArrayList<>();
        if (Files.isRegularFile(base, LinkOption.NOFOLLOW_LINKS)) {
            out.add(new Entry("", Files.size(base), sha256(base)));
            return out;
        }
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !(name.startsWith(".") && name.endsWith(PART))) {
                    out.add(new Entry(base.relativize(file).toString().replace('\\', '/'), attrs.size(), sha256(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(java.util.Comparator.comparing(Entry::path));
        return out;
    }

    /** The signature of the file (of an empty file when it is missing or not a regular file). */
    byte[] signature(String path) throws IOException {
        Path file = resolve(path);
        Signature sig = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Signature.of(file) : Signature.empty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sig.write(out);
        return out.toByteArray();
    }

    /** Writes the delta of the file against {@code signature} to {@code out}, compressed as the hop says. */
    void delta(String path, byte[] signature, HopCompression compression, String sha256, OutputStream out) throws IOException {
        Path file = resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "The file '" + path + "' is not here.");
        }
        Signature basis = Signature.read(new ByteArrayInputStream(signature));
        Delta.Stats stats;
        try (OutputStream sink = compression.compress(out); InputStream in = Files.newInputStream(file)) {
            stats = Delta.write(basis, in, sink);
        }
        if (!stats.sha256().equals(sha256)) {
            throw new SynclineException(ErrorCode.CONFLICT, "The file '" + path + "' changed during the run; the next run sends it.");
        }
    }

    /**
     * Applies a delta (compressed as the hop says) to the file, all or nothing, and returns the SHA-256 it now has.
     * {@code againstBasis}: the delta was made against this file's signature; else against nothing (a whole-file hop),
     * and the file here, if any, is replaced.
     */
    String patch(String path, InputStream delta, HopCompression compression, String sha256, boolean againstBasis) throws IOException {
        Path file = resolve(path);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
            throw new SynclineException(ErrorCode.CONFLICT, "'" + path + "' is a folder or a link here; it is left as it is.");
        }
        InputStream plain = compression.decompress(delta);
        String got;
        if (againstBasis) {
            got = Patch.apply(file, plain, file);
        } else {
            String[] sha = new String[1];
            AtomicFiles.write(file, true, "", out -> sha[0] = Patch.apply((FileChannel) null, plain, out));
            got = sha[0];
        }
        if (!got.equals(sha256)) {
            throw new SynclineException(ErrorCode.INTEGRITY, "The file '" + path + "' arrived as " + got + ", not " + sha256 + ".");
        }
        return got;
    }

    boolean delete(String path) throws IOException {
        Path file = resolve(path);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new SynclineException(ErrorCode.CONFLICT, "'" + path + "' is a folder here; only files are deleted.");
        }
        try {
            return Files.deleteIfExists(file);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        }
    }
}
