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
import org.syncline.documents.client.DocumentsClient;

/**
 * Registers local files one after another, as one job: progress counts files, and a cancel takes effect
 * between two files, so no upload is cut off half-way by the user (the server would discard it anyway).
 * Folders stand for the regular files below them; each registers under its own file name, since document
 * names carry no path.
 */
final class FileRegistration {
    private FileRegistration() {
    }

    static void run(DocumentsClient client, List<Path> paths, IProgressMonitor monitor) {
        List<Path> files = expand(paths);
        monitor.beginTask("Registering " + files.size() + (files.size() == 1 ? " file" : " files"), files.size());
        int done = 0;
        for (Path file : files) {
            if (monitor.isCanceled()) {
                return;
            }
            monitor.subTask(file.getFileName() + " (" + (done + 1) + " of " + files.size() + ")");
            try (InputStream in = Files.newInputStream(file)) {
                client.register(file.getFileName().toString(), null, "", List.of(), in);
            } catch (IOException e) {
                throw new SynclineException(ErrorCode.STORAGE, "Could not read " + file + " (" + e.getMessage() + "); "
                        + done + " of " + files.size() + " files were registered before it, check it is readable and try again.", e);
            }
            done++;
            monitor.worked(1);
        }
        monitor.done();
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
