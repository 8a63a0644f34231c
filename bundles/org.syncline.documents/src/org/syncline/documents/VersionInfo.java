package org.syncline.documents;

import java.time.Instant;

/** One version of a document; every version stays downloadable until the document is deleted. */
public record VersionInfo(int version, String sha256, long size, String mimeType, String node, Instant created, String author) {
}
