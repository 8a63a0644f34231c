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
 * A bulk import: the files given and every regular file under the folders given, small ones in batches ({@link
 * org.syncline.documents.client.BatchPlan}: one request and one transaction each, whole or not at all), registered with up to
 * {@code parallel} uploads in flight on the one connection (each upload is its own stream), so the round trips
 * to the registry and on to the node overlap instead of adding up.
 */
final class ParallelRegistration {
    /**
     * What registered before the first failure, in the order the files were given, and that failure (null: none);
     * {@code failedFile}: the failed unit's first file (a batch's error names the file that refused it); {@code uncertain}:
     * the files of failed units whose answer never came ({@link ErrorCode#TIMEOUT}): the registry may have registered
     * them after this client stopped waiting.
     */
    record Result(List<DocumentInfo> added, Path failedFile, SynclineException failure, int uncertain) {
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

    /**
     * Registers every unit (one file, or a batch registered whole or not at all) with {@code register}, up to
     * {@code parallel} at once; stops starting new ones at the first failure.
     */
    static Result run(List<List<Path>> units, int parallel, Function<List<Path>, List<DocumentInfo>> register) {
        if (parallel < 1 || parallel > 64) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--parallel must be between 1 and 64, not " + parallel + ".");
        }
        List<DocumentInfo> added = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel, Thread.ofVirtual().name("docs-put-", 0).factory())) {
            List<Future<List<DocumentInfo>>> inFlight = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < units.size(); i++) {
                // keep a bounded window of submitted uploads ahead of the one we wait for
                while (next < units.size() && next < i + 2 * parallel) {
                    List<Path> u = units.get(next++);
                    inFlight.add(pool.submit(() -> register.apply(u)));
                }
                try {
                    added.addAll(inFlight.get(i).get());
                } catch (ExecutionException e) {
                    Path first = units.get(i).get(0);
                    SynclineException failure = e.getCause() instanceof SynclineException s ? s
                            : new SynclineException(ErrorCode.STORAGE, "Registering " + first + " failed (" + e.getCause() + ").", e.getCause());
                    int uncertain = unanswered(failure) ? units.get(i).size() : 0;
                    // uploads already started may still complete: wait for them and report them too
                    for (int j = i + 1; j < inFlight.size(); j++) {
                        try {
                            added.addAll(inFlight.get(j).get());
                        } catch (ExecutionException other) {
                            uncertain += unanswered(other.getCause()) ? units.get(j).size() : 0;
                        } catch (InterruptedException other) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    return new Result(added, first, failure, uncertain);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SynclineException(ErrorCode.STORAGE, "Interrupted while registering " + units.get(i).get(0) + ".", e);
                }
            }
        }
        return new Result(added, null, null, 0);
    }

    /** A request whose answer never came: sent, perhaps done by the registry, but not confirmed. */
    private static boolean unanswered(Throwable t) {
        return t instanceof SynclineException s && s.code() == ErrorCode.TIMEOUT;
    }
}
