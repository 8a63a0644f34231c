package org.syncline.core.ignore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IgnoreRulesTest {
    @Test
    void editorTempFilesAndSynclineStateAreIgnoredByDefault() {
        IgnoreRules r = IgnoreRules.defaults();
        for (String p : new String[] { "notes.txt~", "a/.notes.txt.swp", ".#lock", "dir/#auto#", ".DS_Store", "x/Thumbs.db", "a.tmp",
                ".syncline", ".syncline/index.json", ".synclineignore", "sub/.syncline-part" }) {
            assertTrue(r.isIgnored(p, false), p);
        }
        for (String p : new String[] { "notes.txt", "a/b/c.swp", "tmp/x", "#notclosed", "syncline.txt" }) {
            assertFalse(r.isIgnored(p, false), p);
        }
    }

    @Test
    void starAndQuestionMarkStayInsideOneNameAndMatchAtAnyDepth() {
        IgnoreRules r = IgnoreRules.parse("*.log\nbuild?.out\n");
        assertTrue(r.isIgnored("a.log", false));
        assertTrue(r.isIgnored("deep/er/a.log", false));
        assertTrue(r.isIgnored("build1.out", false));
        assertFalse(r.isIgnored("build12.out", false));
        assertFalse(r.isIgnored("a.log.txt", false));
    }

    @Test
    void aLeadingSlashAnchorsAndATrailingSlashMeansDirectoriesOnly() {
        IgnoreRules r = IgnoreRules.parse("/top.txt\ncache/\n");
        assertTrue(r.isIgnored("top.txt", false));
        assertFalse(r.isIgnored("sub/top.txt", false));
        assertTrue(r.isIgnored("cache", true));
        assertFalse(r.isIgnored("cache", false), "a file named cache is not the directory");
        assertTrue(r.isIgnored("a/cache/file", false), "everything inside an ignored directory");
    }

    @Test
    void doubleStarMatchesAnyNumberOfDirectories() {
        IgnoreRules r = IgnoreRules.parse("**/logs\ndocs/**/draft.md\nout/**\n");
        assertTrue(r.isIgnored("logs", true));
        assertTrue(r.isIgnored("a/b/logs", true));
        assertTrue(r.isIgnored("docs/draft.md", false));
        assertTrue(r.isIgnored("docs/x/y/draft.md", false));
        assertFalse(r.isIgnored("other/draft.md", false));
        assertTrue(r.isIgnored("out/a/b.bin", false));
        assertFalse(r.isIgnored("output/b.bin", false));
    }

    @Test
    void bracketsNegationAndComments() {
        IgnoreRules r = IgnoreRules.parse("# a comment\n*.[oa]\n!keep.a\n\\#literal\nfile[!0-9].txt\n");
        assertTrue(r.isIgnored("x.o", false));
        assertTrue(r.isIgnored("x.a", false));
        assertFalse(r.isIgnored("keep.a", false), "re-included by the later '!' rule");
        assertFalse(r.isIgnored("x.c", false));
        assertTrue(r.isIgnored("#literal", false));
        assertFalse(r.isIgnored("# a comment", false));
        assertTrue(r.isIgnored("filex.txt", false));
        assertFalse(r.isIgnored("file1.txt", false));
    }

    @Test
    void aFileInsideAnIgnoredDirectoryCannotBeReincluded() {
        IgnoreRules r = IgnoreRules.parse("secret/\n!secret/ok.txt\n");
        assertTrue(r.isIgnored("secret/ok.txt", false));
    }

    @Test
    void negationCanReincludeADefault() {
        assertFalse(IgnoreRules.parse("!*.tmp").isIgnored("keep.tmp", false));
        assertTrue(IgnoreRules.parse("!.syncline*").isIgnored(".syncline/index.json", false), "state stays local");
    }
}
