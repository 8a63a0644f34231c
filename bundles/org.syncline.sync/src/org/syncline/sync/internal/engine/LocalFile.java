package org.syncline.sync.internal.engine;

/** A regular file as a scan saw it: its path in the pair, size and modification time in nanoseconds. */
record LocalFile(String path, long size, long mtime) {
}
