package org.syncline.documents;

import java.time.Instant;
import java.util.List;

/**
 * A document as the registry knows it: the newest version's bytes (size, SHA-256, detected mime type) and
 * the node that holds them, its metadata, and who it is shared with. The id is the identity: names may repeat.
 * {@code state} is {@link #OK}, or {@link #MISSING} when the node's inventory no longer has the newest version's bytes.
 */
public record DocumentInfo(String id, String name, String author, String mimeType, long size, String sha256, String node,
        Instant created, Instant modified, int version, String description, List<String> tags, String owner,
        List<DocumentShare> shares, String state) {
    public static final String OK = "ok";
    public static final String MISSING = "missing";

    public DocumentInfo {
        tags = List.copyOf(tags);
        shares = List.copyOf(shares);
    }
}
