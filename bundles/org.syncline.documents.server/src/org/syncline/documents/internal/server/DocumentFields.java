package org.syncline.documents.internal.server;

import java.util.LinkedHashSet;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/** The checks on what users write into a document's metadata, each refusing with one sentence naming the field. */
final class DocumentFields {
    static final int MAX_AUTHOR = 255;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TAG = 64;
    static final int MAX_TAGS = 32;

    private DocumentFields() {
    }

    static String name(String name) {
        return Names.requireFileName(name, "document");
    }

    /** A storage node's name ({@code --set docs.node-name}): a file name's rules, so it reads safely anywhere. */
    static String nodeName(String name) {
        return Names.requireFileName(name, "storage node");
    }

    static String author(String author) {
        if (author == null || author.isBlank()) {
            throw invalid("The author must not be empty.");
        }
        requireText("author", author, MAX_AUTHOR);
        return author.strip();
    }

    static String description(String description) {
        requireText("description", description, MAX_DESCRIPTION);
        return description;
    }

    /** Tags without repeats, in the order given. */
    static List<String> tags(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw invalid("A document takes at most " + MAX_TAGS + " tags, not " + tags.size() + ".");
        }
        for (String t : tags) {
            if (t.isBlank()) {
                throw invalid("A tag must not be empty.");
            }
            requireText("tag '" + Names.printable(t) + "'", t, MAX_TAG);
        }
        return List.copyOf(new LinkedHashSet<>(tags));
    }

    private static void requireText(String field, String value, int max) {
        if (value.length() > max) {
            throw invalid("The " + field + " is longer than " + max + " characters.");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isISOControl(ch) && !(field.equals("description") && (ch == '\n' || ch == '\t'))) {
                throw invalid("The " + field + " contains a control character.");
            }
        }
    }

    private static SynclineException invalid(String sentence) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, sentence);
    }
}
