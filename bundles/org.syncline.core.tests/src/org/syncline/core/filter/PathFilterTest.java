package org.syncline.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class PathFilterTest {
    @Test
    void globsOfTheBrief() {
        assertTrue(PathPattern.parse("*.mpg").matches("video/clip.mpg"));
        assertFalse(PathPattern.parse("*.mpg").matches("video/clip.mpga"));
        assertTrue(PathPattern.parse("[1-5]abc").matches("x/3abc"));
        assertFalse(PathPattern.parse("[1-5]abc").matches("x/6abc"));
        assertTrue(PathPattern.parse("a??bc").matches("a12bc"));
        assertFalse(PathPattern.parse("a??bc").matches("a1bc"));
        assertFalse(PathPattern.parse("a??bc").matches("a1/2bc"), "? never matches a slash");
    }

    @Test
    void aNameMatchesAFolderAnywhereAndASlashAnchorsAtTheRoot() {
        assertTrue(PathPattern.parse("tmp").matches("a/tmp/b.txt"), "everything in a folder named tmp");
        assertTrue(PathPattern.parse("docs/*.pdf").matches("docs/a.pdf"));
        assertFalse(PathPattern.parse("docs/*.pdf").matches("x/docs/a.pdf"), "anchored at the root");
        assertTrue(PathPattern.parse("/build/").matches("build/out/app.jar"));
        assertTrue(PathPattern.parse("**/cache").matches("a/b/cache/x"));
    }

    @Test
    void regularExpressionsMatchTheWholePath() {
        PathPattern p = PathPattern.parse("re:.*/IMG_\\d{4}\\.(jpg|png)");
        assertTrue(p.matches("photos/2024/IMG_0042.jpg"));
        assertFalse(p.matches("photos/2024/IMG_42.jpg"));
        SynclineException e = assertThrows(SynclineException.class, () -> PathPattern.parse("re:(unclosed"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("does not compile"), e.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class, () -> PathPattern.parse(" ")).code());
    }

    @Test
    void includesThenExcludesThenOperations() {
        PathFilter f = new PathFilter(List.of("*.jpg", "*.mpg"), List.of("tmp", "re:.*~"), EnumSet.of(Operation.CREATE, Operation.UPDATE));
        assertTrue(f.passes("a/b.jpg", Operation.CREATE));
        assertTrue(f.passes("a/b.mpg", Operation.UPDATE));
        assertFalse(f.passes("a/b.txt", Operation.CREATE), "not included");
        assertFalse(f.passes("tmp/b.jpg", Operation.CREATE), "excluded folder");
        assertFalse(f.passes("a/b.jpg~", Operation.CREATE), "not included either");
        assertFalse(f.passes("a/b.jpg", Operation.DELETE), "deletes are filtered out");
        assertFalse(f.passesMove("a/b.jpg", "a/c.jpg"), "moves are filtered out");
        PathFilter everything = PathFilter.all();
        assertTrue(everything.passes("any/thing", Operation.ERASE));
        PathFilter moves = new PathFilter(List.of("*.jpg"), List.of(), EnumSet.of(Operation.MOVE));
        assertTrue(moves.passesMove("a/b.tmp", "a/b.jpg"), "moved into the set");
        assertTrue(moves.passesMove("a/b.jpg", "a/b.txt"), "moved out of the set");
        assertFalse(moves.passesMove("a/b.txt", "a/c.txt"));
    }

    @Test
    void operationLists() {
        assertEquals(EnumSet.of(Operation.CREATE, Operation.DELETE), Operation.parseSet("create, DELETE"));
        assertEquals(EnumSet.allOf(Operation.class), Operation.parseSet("all"));
        SynclineException e = assertThrows(SynclineException.class, () -> Operation.parseSet("create,copy"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("'copy'"));
    }

    @Test
    void typeTagsPickTheServersThatTakeAFile() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("*.jpg", "images");
        m.put("*.png", "images");
        m.put("re:.*\\.(mp4|mpg)", "video");
        TypeTags tags = new TypeTags(m);
        assertEquals(Set.of("images"), tags.of("a/b.jpg"));
        assertTrue(tags.takes("a/b.jpg", Set.of("images", "eu")));
        assertFalse(tags.takes("a/b.jpg", Set.of("video")));
        assertTrue(tags.takes("a/readme.txt", Set.of()), "untagged files go everywhere");
        assertFalse(tags.takes("a/b.mpg", Set.of()));
        assertEquals(ErrorCode.INVALID_NAME, assertThrows(SynclineException.class, () -> new TypeTags(Map.of("*.x", "two words"))).code());
    }
}
