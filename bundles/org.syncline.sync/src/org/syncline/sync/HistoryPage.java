package org.syncline.sync;

import java.util.List;

/** Revisions, newest first, one page of them; {@code more}: ask again before the last one's number. */
public record HistoryPage(List<Revision> revisions, boolean more) {
}
