package org.syncline.core.filename;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PortableNamesTest {
    @Test
    void reservedNamesTrailingDotsAndForbiddenCharactersAreReported() {
        for (String n : new String[] { "CON", "con.txt", "Lpt3.log", "aux", "name.", "name ", "a:b", "what?", "a\\b", "a/b", "a\0b" }) {
            assertTrue(PortableNames.problem(n).isPresent(), n);
        }
        assertTrue(PortableNames.problem("CON").get().contains("reserved"));
    }

    @Test
    void ordinaryNamesPass() {
        for (String n : new String[] { "report.pdf", ".bashrc", "CONSOLE.txt", "com10", "naïve é.txt", "a b.c" }) {
            assertTrue(PortableNames.problem(n).isEmpty(), n);
        }
    }

    @Test
    void namesDifferingOnlyInCaseCollide() {
        assertEquals(List.of(List.of("Readme.md", "README.md")), PortableNames.caseCollisions(List.of("Readme.md", "b", "README.md")));
        assertEquals(List.of(), PortableNames.caseCollisions(List.of("a", "b")));
    }
}
