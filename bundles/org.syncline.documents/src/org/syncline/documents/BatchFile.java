package org.syncline.documents;

import java.util.List;

/**
 * One file of a {@link DocumentsMessages#REGISTER_BATCH}: its metadata, and how many bytes of the batch's stream are
 * its content (the files' bytes follow one another in the order listed).
 *
 * @param author      null: the user registering it
 * @param description null or empty: none
 * @param tags        null or empty: none
 */
public record BatchFile(String name, String author, String description, List<String> tags, long size) {
    public BatchFile {
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
