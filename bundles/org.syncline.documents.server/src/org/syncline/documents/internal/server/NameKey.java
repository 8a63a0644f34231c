package org.syncline.documents.internal.server;

import java.util.Locale;

/**
 * How documents sort by name, as file browsers sort them: without regard to case ("audit-notes.txt" before
 * "README.md"), then by the exact name, then by id, so paging never skips or repeats a document. The key is the
 * name lower-cased here in Java, not by the database's LOWER() (which follows the database's territory), and
 * stored with the row ({@code documents.name_key}), so the SQL order, its index and the in-memory
 * {@link NameIndex} compare the same strings.
 */
final class NameKey {
    private NameKey() {
    }

    /** The stored sort key of a name (at most twice as long: some capitals lower-case to two chars). */
    static String of(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
