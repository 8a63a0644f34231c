package org.syncline.sharing.internal.server;

/**
 * How far one viewer's client is behind on its frame stream: updates sent against updates it acknowledged after
 * taking them. The relay sends a viewer a new update only while fewer than {@link #MAX_UNACKED} are unacknowledged,
 * so a slow viewer has at most that many updates on its way and the rest merge on the board for it.
 */
final class ViewerPace {
    /** Two: one being taken by the viewer while the next travels, so a fast viewer never waits for a round trip. */
    static final int MAX_UNACKED = 2;
    private long sent;
    private long acked;
    private boolean released;

    synchronized void sent() {
        sent++;
    }

    /** The viewer has taken {@code total} updates of this stream. */
    synchronized void acked(long total) {
        if (total > acked && total <= sent) {
            acked = total;
            notifyAll();
        }
    }

    /** Ends every wait for good: the viewer left or the room closed. */
    synchronized void release() {
        released = true;
        notifyAll();
    }

    /** Waits up to {@code millis} until another update may go out; false when it may not (yet) or was released. */
    synchronized boolean awaitTurn(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!released && sent - acked >= MAX_UNACKED) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return !released;
    }
}
