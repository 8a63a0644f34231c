package org.syncline.documents.internal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.documents.DocumentInfo;

/**
 * A bulk import: the files given and every regular file under the folders given, registered with up to
 * {@code parallel} uploads in flight on the one connection (each upload is its own stream), so the round trips
 * to the registry and on to the node overlap instead of adding up.
 */
final class ParallelRegistration {
    /** What registered before the first failure, in the order the files were given, and that failure (null: none). */
    record Result(List<DocumentInfo> added, Path failedFile, SynclineException failure) {
    }

    private ParallelRegistration() {
    }

    /** The files to register: files as given, folders walked (sorted, regular files only, hidden ones too). */
    static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new SynclineException(ErrorCode.STORAGE, "Could not list the folder " + p + " (" + e.getMessage() + ").", e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new SynclineException(ErrorCode.NOT_FOUND, p + " is not a file or folder; give the path of a file or folder to register.");
            }
        }
        return files;
    }

    /** Registers every file with {@code register}; stops starting new uploads at the first failure. */
    static Result run(List<Path> files, int parallel, Function<Path, DocumentInfo> register) {
        if (parallel < 1 || parallel > 64) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--parallel must be between 1 and 64, not " + parallel + ".");
        }
        List<DocumentInfo> added = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel, Thread.ofVirtual().name("docs-put-", 0).factory())) {
            List<Future<DocumentInfo>> inFlight = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < files.size(); i++) {
                // keep a bounded window of submitted uploads ahead of the one we wait for
                while (next < files.size() && next < i + 2 * parallel) {
                    Path f = files.get(next++);
                    inFlight.add(pool.submit(() -> register.apply(f)));
                }
                try {
                    added.add(inFlight.get(i).get());
                } catch (ExecutionException e) {
                    // uploads already started may still complete: wait for them and report them too
                    for (int j = i + 1; j < inFlight.size(); j++) {
                        completed(inFlight.get(j)).ifPresent(added::add);
                    }
                    SynclineException failure = e.getCause() instanceof SynclineException s ? s
                            : new SynclineException(ErrorCode.STORAGE, "Registering " + files.get(i) + " failed (" + e.getCause() + ").", e.getCause());
                    return new Result(added, files.get(i), failure);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SynclineException(ErrorCode.STORAGE, "Interrupted while registering " + files.get(i) + ".", e);
                }
            }
        }
        return new Result(added, null, null);
    }

    private static java.util.Optional<DocumentInfo> completed(Future<DocumentInfo> f) {
        try {
            return java.util.Optional.of(f.get());
        } catch (ExecutionException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
