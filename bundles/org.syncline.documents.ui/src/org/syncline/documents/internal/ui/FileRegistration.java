package org.syncline.documents.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.documents.client.BatchPlan;
import org.syncline.documents.client.DocumentsClient;

/**
 * Registers local files as one job, small ones in batches ({@link BatchPlan}: one request each, whole or not at all), larger
 * ones one after another: progress counts bytes (per file or batch in the sub-task), and a cancel takes effect between two
 * files or batches, so no upload is cut off half-way by the user (the server would discard it anyway).
 * Folders stand for the regular files below them; each registers under its own file name, since document
 * names carry no path.
 */
final class FileRegistration {
    private FileRegistration() {
    }

    /** {@code node}: the storage node to keep them on; null: the registry chooses (by free space). */
    static void run(DocumentsClient client, List<Path> paths, String node, IProgressMonitor monitor) {
        List<Path> files = expand(paths);
        long bytes = 0;
        for (Path file : files) {
            bytes += size(file);
        }
        monitor.beginTask("Registering " + files.size() + (files.size() == 1 ? " file" : " files"), ByteProgress.units(bytes));
        ByteProgress progress = new ByteProgress(monitor);
        int done = 0;
        for (List<Path> unit : BatchPlan.of(files)) {
            if (monitor.isCanceled()) {
                return;
            }
            if (unit.size() > 1) {
                // small files together: one request, registered whole or not at all
                progress.file("files " + (done + 1) + "-" + (done + unit.size()) + " of " + files.size(), unit.stream().mapToLong(FileRegistration::size).sum());
                client.registerFiles(unit, null, "", List.of(), node, progress::in);
                done += unit.size();
                continue;
            }
            Path file = unit.get(0);
            progress.file(file.getFileName() + " (" + (done + 1) + " of " + files.size() + ")", size(file));
            try (InputStream in = Files.newInputStream(file)) {
                client.register(file.getFileName().toString(), null, "", List.of(), node, progress.in(in));
            } catch (IOException e) {
                throw new SynclineException(ErrorCode.STORAGE, "Could not read " + file + " (" + e.getMessage() + "); "
                        + done + " of " + files.size() + " files were registered before it, check it is readable and try again.", e);
            }
            done++;
        }
        monitor.done();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "Could not read " + file + " (" + e.getMessage() + "); nothing was registered.", e);
        }
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> below = Files.walk(p)) {
                    below.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new SynclineException(ErrorCode.STORAGE, "Could not list the folder " + p + " (" + e.getMessage()
                            + "); nothing was registered, check it is readable.", e);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
