package org.syncline.protocol.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.syncline.protocol.ProtocolConstants;

/**
 * Arrays for the bodies of full DATA frames, handed back by {@link StreamReceiver} once its reader has
 * copied them out, so that the decoder does not allocate (and the JVM zero) 64 KiB per frame: with a small
 * heap that allocation kept the young generation collecting every few milliseconds. Bounded: at most
 * {@link #MAX} arrays (4 MiB) wait here; beyond that they are left to the garbage collector.
 */
final class ChunkPool {
    static final int MAX = 64;
    private static final ConcurrentLinkedQueue<byte[]> FREE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger SIZE = new AtomicInteger();

    private ChunkPool() {
    }

    /** A chunk-sized array with arbitrary contents: the caller overwrites all of it. */
    static byte[] take() {
        byte[] b = FREE.poll();
        if (b == null) {
            return new byte[ProtocolConstants.CHUNK_SIZE];
        }
        SIZE.decrementAndGet();
        return b;
    }

    /** Gives back an array nobody refers to any more; other sizes are ignored. */
    static void give(byte[] b) {
        if (b.length != ProtocolConstants.CHUNK_SIZE) {
            return;
        }
        if (SIZE.incrementAndGet() <= MAX) {
            FREE.offer(b);
        } else {
            SIZE.decrementAndGet();
        }
    }

    /** Arrays waiting in the pool now. */
    static int size() {
        return SIZE.get();
    }
}
