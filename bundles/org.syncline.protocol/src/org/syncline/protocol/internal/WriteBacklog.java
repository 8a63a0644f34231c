package org.syncline.protocol.internal;

import org.apache.mina.core.session.IoSession;

/**
 * Keeps stream writers from queueing more sealed bytes than the socket takes. MINA's write queue has no
 * bound, and the credit window only bounds what the receiver buffers: with a window grown for a long link,
 * a writer faster than the socket parked megabytes of sealed frames in the queue, where a small heap spent
 * its time collecting them.
 */
public final class WriteBacklog {
    /** Sealed bytes a session may have queued before stream writers wait: beyond this the kernel buffers. */
    public static final long HIGH_WATER = 2L * 1024 * 1024;
    private static final String MONITOR = "syncline.backlog";

    private WriteBacklog() {
    }

    /** Blocks a stream writer while the session's queue is over the high-water mark. */
    public static void await(IoSession session) throws InterruptedException {
        if (session.getScheduledWriteBytes() <= HIGH_WATER) {
            return;
        }
        Object monitor = monitor(session);
        synchronized (monitor) {
            while (session.getScheduledWriteBytes() > HIGH_WATER && session.isConnected()) {
                // the timeout covers a close, which sends no messageSent
                monitor.wait(100);
            }
        }
    }

    /** Called from messageSent: wakes writers once the queue has drained below the mark. */
    public static void sent(IoSession session) {
        if (session.getScheduledWriteBytes() <= HIGH_WATER) {
            Object monitor = session.getAttribute(MONITOR);
            if (monitor != null) {
                synchronized (monitor) {
                    monitor.notifyAll();
                }
            }
        }
    }

    private static Object monitor(IoSession session) {
        Object m = session.getAttribute(MONITOR);
        if (m == null) {
            Object fresh = new Object();
            m = session.setAttributeIfAbsent(MONITOR, fresh);
            if (m == null) {
                m = fresh;
            }
        }
        return m;
    }
}
