package org.syncline.sync;

import java.time.Instant;

/** One version of a file; a deletion is a revision too. */
public record Revision(String path, long number, String author, Instant time, long size, String sha256, boolean deleted) {
}
