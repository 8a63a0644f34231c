package org.syncline.store.internal;

import java.io.Writer;
import java.lang.System.Logger.Level;

/**
 * Where Derby writes what would otherwise go to a derby.log in the working directory: the JVM's
 * logger {@code org.apache.derby}. Derby finds {@link #writer()} through the system property
 * {@code derby.stream.error.method}, so both must stay public.
 */
public final class DerbyLog extends Writer {
    private static final System.Logger LOG = System.getLogger("org.apache.derby");
    private final StringBuilder pending = new StringBuilder();

    private DerbyLog() {
    }

    public static Writer writer() {
        return new DerbyLog();
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        pending.append(buf, off, len);
        // Derby flushes after each message; this only bounds memory if it ever stops doing so.
        if (pending.length() > 65536) {
            flush();
        }
    }

    /** One record per flush, so that a message and its stack trace stay together as far as Derby allows. */
    @Override
    public synchronized void flush() {
        String text = pending.toString().strip();
        pending.setLength(0);
        if (!text.isEmpty()) {
            // Derby writes boot and shutdown banners here too; only failures deserve an operator's eye,
            // and those reach the caller as exceptions as well.
            LOG.log(text.contains("ERROR") || text.contains("Exception") ? Level.WARNING : Level.DEBUG, text);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
