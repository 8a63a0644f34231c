package org.syncline.sync;

/** A user's storage limit in bytes (0: none) and what the folders they own hold now. */
public record Quota(String user, long limit, long used) {
}
