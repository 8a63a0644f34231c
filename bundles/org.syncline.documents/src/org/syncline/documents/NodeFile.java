package org.syncline.documents;

/** A blob in a storage node's inventory: its SHA-256, its size, and how many document versions refer to it (0: an orphan). */
public record NodeFile(String sha256, long size, long references) {
}
