package org.syncline.core.chunk;

/** A chunk named by its SHA-256 and length, without its bytes: what a file's chunk list holds. */
public record ChunkRef(String sha256, int length) {
}
