package org.syncline.sync;

import java.util.List;

/**
 * Deleted files of a folder in path order, one page of them; {@code total}: how many the trash holds, on the first
 * page (-1 on the pages after it: counted once); {@code more}: ask again after the last path.
 */
public record TrashPage(List<TrashEntry> files, long total, boolean more) {
}
