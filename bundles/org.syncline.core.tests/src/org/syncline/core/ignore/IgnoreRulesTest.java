package org.syncline.core.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** Globs of literal text and one '*' are matched without their regular expression, and must agree with it. */
    @Test
    void literalGlobsMatchExactlyWhatTheirRegularExpressionMatches() {
        String[] globs = { "*~", ".*.swp", ".#*", "\\#*#", ".DS_Store", "Thumbs.db", "*.tmp", "*", "a*", "*a", "a*a", "ab*ba", "x.y", "\\*lit",
                "**", "a?c", "[ab]x", "a*b*c" };
        String[] names = { "", "a", "aa", "aba", "abba", "ab", "ba", "~", "x~", ".x.swp", ".swp", "..swp", ".#", ".#x", "#", "##", "#a#", "#a",
                ".DS_Store", "Thumbs.db", "thumbs.db", "a.tmp", ".tmp", "tmp", "x.y", "xxy", "*lit", "alit", "abc", "axbyc", "ax", "bx" };
        for (String g : globs) {
            java.util.regex.Pattern re = java.util.regex.Pattern.compile(GlobPattern.toRegex(g));
            IgnoreRules rules = IgnoreRules.parse("!*\n" + g); // only this rule decides (the defaults are undone first)
            for (String n : names) {
                if (n.isEmpty() || n.startsWith(".syncline")) {
                    continue;
                }
                assertEquals(re.matcher(n).matches(), rules.isIgnored(n, false), "glob " + g + " against " + n);
                assertEquals(re.matcher(n).matches(), rules.isIgnored("dir/" + n, false), "glob " + g + " against dir/" + n);
            }
        }
    }

    /** Below a directory known not to be ignored only the name itself is matched, with the same answer. */
    @Test
    void inASyncedDirectoryOnlyTheNameIsMatchedWithTheSameAnswer() {
        IgnoreRules r = IgnoreRules.parse("build/\n/top.txt\ndocs/**/*.pdf\n!keep.tmp\n");
        for (String p : new String[] { "a.tmp", "keep.tmp", "src/a.tmp", "src/keep.tmp", "top.txt", "src/top.txt", "docs/x/y.pdf", "docs/y.pdf",
                "src/build", "src/x.java", "a~", "src/.syncline-part" }) {
            assertEquals(r.isIgnored(p, false), r.isIgnoredInSyncedDirectory(p, false), p);
            assertEquals(r.isIgnored(p, true), r.isIgnoredInSyncedDirectory(p, true), p + "/");
        }
        assertTrue(r.isIgnored("build/x.java", false));
        assertFalse(r.isIgnoredInSyncedDirectory("build/x.java", false), "its directory is not asked again: the walk skipped it");
    }
}
