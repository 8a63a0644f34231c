package org.syncline.core.chunk;

/**
 * One content-defined chunk of a stream: where it starts, its bytes (at most {@link ChunkReader#MAX_SIZE})
 * and their SHA-256, which is the chunk's identity.
 */
public record Chunk(long offset, byte[] data, String sha256) {
    public int length() {
        return data.length;
    }
}
