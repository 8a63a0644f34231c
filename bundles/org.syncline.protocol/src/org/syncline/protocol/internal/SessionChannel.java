package org.syncline.protocol.internal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSession;

/**
 * The socket of a MINA NIO session, for {@link TlsFilter} to write sealed frames from the thread that sealed
 * them while MINA has nothing of the session's queued. MINA hands every write to its I/O thread (a queue, a
 * selector wakeup under a read lock, a context switch per frame); the raw TLS copy the stream is measured
 * against writes its socket from the writing thread (releng/benchmarks/RESULTS.md). MINA keeps the channel
 * in a protected field and offers no public accessor, so it is read once per session by reflection; where
 * that fails (another transport, another MINA) every write goes through MINA's queue as before.
 */
final class SessionChannel {
    private static final Field CHANNEL = channelField();

    private final SocketChannel channel;

    private SessionChannel(SocketChannel channel) {
        this.channel = channel;
    }

    /** The session's socket channel, or null when MINA's writes must be used. */
    static SessionChannel of(IoSession session) {
        if (CHANNEL == null || !(session instanceof NioSession)) {
            return null;
        }
        try {
            return CHANNEL.get(session) instanceof SocketChannel c && !c.isBlocking() ? new SessionChannel(c) : null;
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /**
     * Writes what the socket takes now without blocking; true when all of {@code data} went. The caller
     * makes sure no other thread writes the channel meanwhile.
     */
    boolean writeNow(ByteBuffer data) {
        try {
            while (data.hasRemaining()) {
                if (channel.write(data) == 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            // the rest goes through MINA's queue, whose I/O thread sees the same failure and closes the session
            return false;
        }
    }

    private static Field channelField() {
        try {
            Field f = NioSession.class.getDeclaredField("channel");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
