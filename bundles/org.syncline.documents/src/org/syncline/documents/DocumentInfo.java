package org.syncline.documents;

import java.time.Instant;
import java.util.List;

/**
 * A document as the registry knows it: the newest version's bytes (size, SHA-256, detected mime type) and
 * the node that holds them, its metadata, and who it is shared with. The id is the identity: names may repeat.
 */
public record DocumentInfo(String id, String name, String author, String mimeType, long size, String sha256, String node,
        Instant created, Instant modified, int version, String description, List<String> tags, String owner,
        List<DocumentShare> shares) {

    public DocumentInfo {
        tags = List.copyOf(tags);
        shares = List.copyOf(shares);
    }
}
