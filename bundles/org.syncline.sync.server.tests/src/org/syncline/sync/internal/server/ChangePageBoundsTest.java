package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.sync.ChangePage;
import org.syncline.sync.EntryPath;
import org.syncline.sync.FileChange;
import org.syncline.sync.RemoteFile;

/**
 * A change page ends at a commit boundary (its cursor is a commit's seq): it carries the whole commits that fit in
 * {@link SyncHub#PAGE} files, and a commit larger than a page comes whole on a page of its own.
 */
class ChangePageBoundsTest extends WithDerbyHub {

    @Test
    void pagesEndAtCommitBoundariesAndALargeCommitComesWhole() {
        int[] commits = { 3, SyncHub.PAGE + 10, SyncHub.PAGE - 2, 5 };
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < commits.length; i++) {
            List<FileChange> set = new ArrayList<>();
            for (int n = 0; n < commits[i]; n++) {
                set.add(FileChange.put("c" + i + "/f" + n, 0, 0, EntryPath.EMPTY_SHA256, List.of()));
            }
            seqs.add(hub.commit(ann, "shared", set).value().cursor());
        }

        List<ChangePage> pages = new ArrayList<>();
        long cursor = 0;
        do {
            ChangePage page = hub.changesSince(ann, "shared", cursor);
            pages.add(page);
            cursor = page.cursor();
        } while (pages.get(pages.size() - 1).more());

        // the first commit alone (the second would not fit), the second whole although larger than a page, the third
        // alone (the fourth would be cut), then the fourth
        assertEquals(List.of(3, SyncHub.PAGE + 10, SyncHub.PAGE - 2, 5), pages.stream().map(p -> p.files().size()).toList());
        assertEquals(seqs, pages.stream().map(ChangePage::cursor).toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pages.size(); i++) {
            for (RemoteFile f : pages.get(i).files()) {
                assertTrue(f.path().startsWith("c" + i + "/"), f.path() + " on page " + i);
                assertEquals(seqs.get(i), f.seq());
                assertTrue(seen.add(f.path()), f.path() + " twice");
            }
            assertEquals(i < pages.size() - 1, pages.get(i).more());
        }
        assertFalse(hub.changesSince(ann, "shared", cursor).more());
        assertTrue(hub.changesSince(ann, "shared", cursor).files().isEmpty());
    }
}
