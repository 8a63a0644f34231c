package org.syncline.documents;

import java.util.List;

/** One page of a search: the documents on it and how many match in all, so a client can page through. */
public record DocumentPage(List<DocumentInfo> documents, long total, int page, int pageSize) {

    public DocumentPage {
        documents = List.copyOf(documents);
    }

    public long pages() {
        return total == 0 ? 1 : (total + pageSize - 1) / pageSize;
    }
}
