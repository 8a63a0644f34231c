package org.syncline.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.syncline.protocol.FrameKind;
import org.syncline.protocol.ProtocolConstants;

class StreamBackpressureTest {

    @Test
    void senderStopsAtTheWindowUntilTheReceiverReads() throws Exception {
        AtomicInteger dataFrames = new AtomicInteger();
        AtomicReference<StreamReceiver> receiver = new AtomicReference<>();
        AtomicReference<StreamSender> sender = new AtomicReference<>();
        // frames from the sender go to the receiver; credits from the receiver go back to the sender
        receiver.set(new StreamReceiver(1, f -> sender.get().credit(f.creditCount()), 10_000));
        sender.set(new StreamSender(1, f -> {
            if (f.kind() == FrameKind.DATA) {
                dataFrames.incrementAndGet();
                // the body is the sender's again once send returns (FrameSink): a sink that keeps it copies
                assertTrue(receiver.get().offerChunk(f.body().clone()), "receiver buffer overflowed");
            } else if (f.kind() == FrameKind.END) {
                receiver.get().end();
            }
        }, 10_000, () -> false));
        int chunks = 100;
        Thread writer = new Thread(() -> {
            try {
                byte[] chunk = new byte[ProtocolConstants.CHUNK_SIZE];
                for (int i = 0; i < chunks; i++) {
                    sender.get().write(chunk);
                }
                sender.get().close();
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        // the writer must end up parked for credit (not just slow) with exactly one window sent
        long deadline = System.currentTimeMillis() + 10_000;
        while (!(writer.getState() == Thread.State.TIMED_WAITING && dataFrames.get() >= ProtocolConstants.STREAM_WINDOW)) {
            assertTrue(System.currentTimeMillis() < deadline, "the writer never waited for credit; sent " + dataFrames.get());
            Thread.sleep(10);
        }
        assertEquals(ProtocolConstants.STREAM_WINDOW, dataFrames.get(), "sender must wait for credit");
        assertTrue(writer.isAlive());
        long total = receiver.get().transferTo(java.io.OutputStream.nullOutputStream());
        writer.join(10_000);
        assertEquals((long) chunks * ProtocolConstants.CHUNK_SIZE, total);
        assertEquals(chunks, dataFrames.get());
    }

    @Test
    void abandonedReceiverUnblocksSender() throws Exception {
        StreamSender sender = new StreamSender(1, f -> { }, 10_000, () -> true);
        byte[] big = new byte[ProtocolConstants.CHUNK_SIZE * (ProtocolConstants.STREAM_WINDOW + 2)];
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> sender.write(big));
        assertTrue(e.getMessage().contains("abandoned"));
    }

    @Test
    void failedReceiverReportsTheReason() {
        StreamReceiver r = new StreamReceiver(1, f -> { }, 10_000);
        r.fail("The connection was closed.");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> r.read());
        assertEquals("The connection was closed.", e.getMessage());
    }

    @Test
    void chunksArriveIntactAlthoughTheSenderRefillsOneBufferAndTheReaderRecyclesThem() throws Exception {
        java.util.List<byte[]> sent = new java.util.ArrayList<>();
        StreamReceiver receiver = new StreamReceiver(1, f -> { }, 10_000);
        StreamSender sender = new StreamSender(1, f -> {
            if (f.kind() == FrameKind.DATA) {
                sent.add(f.body());
                receiver.offerChunk(f.body().clone());
            } else if (f.kind() == FrameKind.END) {
                receiver.end();
            }
        }, 10_000, () -> false);
        byte[] data = new byte[ProtocolConstants.CHUNK_SIZE * 5 / 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i / ProtocolConstants.CHUNK_SIZE + i * 7);
        }
        sender.write(data, 0, 1000);
        sender.write(data, 1000, data.length - 1000);
        sender.close();
        // the two full chunks were sent from one reused buffer, not from fresh copies
        assertTrue(sent.get(0) == sent.get(1), "the sender allocated a buffer per chunk");
        assertEquals(3, sent.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(data, receiver.readAllBytes());
    }

    @Test
    void transferToWritesTheChunksThemselvesAfterWhatWasAlreadyRead() throws Exception {
        java.util.List<byte[]> credits = new java.util.ArrayList<>();
        StreamReceiver receiver = new StreamReceiver(1, f -> credits.add(f.body()), 10_000);
        byte[] data = new byte[ProtocolConstants.CHUNK_SIZE * 3 + 5];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13 + i / 1000);
        }
        for (int at = 0; at < data.length; at += ProtocolConstants.CHUNK_SIZE) {
            receiver.offerChunk(java.util.Arrays.copyOfRange(data, at, Math.min(data.length, at + ProtocolConstants.CHUNK_SIZE)));
        }
        receiver.end();
        byte[] head = new byte[100];
        assertEquals(100, receiver.read(head));
        java.io.ByteArrayOutputStream rest = new java.io.ByteArrayOutputStream();
        assertEquals(data.length - 100, receiver.transferTo(rest));
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.write(head);
        all.write(rest.toByteArray());
        org.junit.jupiter.api.Assertions.assertArrayEquals(data, all.toByteArray());
        assertEquals(-1, receiver.read());
    }

    @Test
    void theChunkPoolKeepsAtMostItsBound() {
        for (int i = 0; i < ChunkPool.MAX + 10; i++) {
            ChunkPool.give(new byte[ProtocolConstants.CHUNK_SIZE]);
        }
        ChunkPool.give(new byte[10]);
        assertTrue(ChunkPool.size() <= ChunkPool.MAX);
        assertEquals(ProtocolConstants.CHUNK_SIZE, ChunkPool.take().length);
    }
}
