package org.syncline.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends java.util.logging (and through slf4j-jdk14, MINA's log) to DATA/logs/server.N.log, rotated at
 * 10 MiB over 5 files. The console keeps only warnings, so stdout stays readable for the user.
 * <p>
 * The JDK resets logging in a shutdown hook of its own, racing the server's; the file handler therefore
 * ignores that close, and {@link #lastWords} writes the final line even after the reset.
 */
final class ServerLog {
    private static final int LIMIT = 10 * 1024 * 1024;
    private static final int FILES = 5;
    private static FileHandler file;

    private ServerLog() {
    }

    static synchronized void install(Path logs) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n");
        try {
            org.syncline.store.DataDirectory.createOwnerOnlyDirectories(logs);
            Logger root = Logger.getLogger("");
            for (Handler h : root.getHandlers()) {
                if (h instanceof FileHandler) {
                    root.removeHandler(h);
                    h.close();
                } else {
                    h.setLevel(Level.WARNING);
                }
            }
            file = new FileHandler(logs.resolve("server.%g.log").toString(), LIMIT, FILES, true) {
                @Override
                public synchronized void close() {
                    flush();
                }
            };
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.INFO);
            root.addHandler(file);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            System.err.println("syncline server: cannot write logs to " + logs + " (" + e.getMessage() + "); logging to the console only.");
        }
    }

    /** Logs the server's last line at INFO, also when the JDK already detached the handlers at exit. */
    static synchronized void lastWords(Logger logger, String message) {
        Logger root = Logger.getLogger("");
        if (file == null || java.util.Arrays.asList(root.getHandlers()).contains(file)) {
            logger.info(message);
        } else {
            LogRecord record = new LogRecord(Level.INFO, message);
            record.setLoggerName(logger.getName());
            file.publish(record);
            file.flush();
        }
    }
}
