package org.syncline.sync;

import java.util.List;

/** Files changed after a cursor, oldest change first; {@code more}: ask again from {@code cursor}. */
public record ChangePage(List<RemoteFile> files, long cursor, boolean more) {
}
