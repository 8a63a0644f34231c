package org.syncline.documents.internal.server;

import java.time.Instant;

/** One row of the documents table: the document and its newest version's bytes. */
record DocumentRow(String id, String name, String author, String mimeType, long size, String sha256, String node, Instant created,
        Instant modified, int version, String description, String owner) {
}
