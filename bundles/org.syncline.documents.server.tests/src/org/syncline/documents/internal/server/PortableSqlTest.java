package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the registry's SQL portable: every string literal in the registry's sources (the SQL of the tables, the
 * schema, the registry) is searched for constructs Derby takes and PostgreSQL refuses, and only
 * {@link DerbyRegistryDatabase} may name the Derby database. A finding fails the test naming the class, the
 * construct and the statement, so the registry can move to PostgreSQL without touching the handlers.
 */
class PortableSqlTest {
    /** The class allowed to be Derby-specific. */
    private static final String DERBY_CLASS = "DerbyRegistryDatabase.java";

    /** What Derby accepts and PostgreSQL does not (or means otherwise), by what a reader should look for. */
    static final Map<String, Pattern> DERBY_ONLY = Map.ofEntries(
            Map.entry("Derby system procedures (SYSCS_*)", Pattern.compile("(?i)\\bSYSCS_")),
            Map.entry("Derby's catalogs (SYS.SYS*, SYSIBM)", Pattern.compile("(?i)\\bSYS\\.SYS|\\bSYSIBM\\b")),
            Map.entry("CALL of a procedure", Pattern.compile("(?i)^\\s*CALL\\s")),
            Map.entry("LONG VARCHAR", Pattern.compile("(?i)\\bLONG\\s+VARCHAR\\b")),
            Map.entry("FOR BIT DATA", Pattern.compile("(?i)\\bFOR\\s+BIT\\s+DATA\\b")),
            Map.entry("BLOB/CLOB column types", Pattern.compile("(?i)\\b[BC]LOB\\s*\\(|\\bCLOB\\b")),
            Map.entry("DOUBLE without PRECISION", Pattern.compile("(?i)\\bDOUBLE\\b(?!\\s+PRECISION)(?=\\s*(,|\\)|NOT\\b|DEFAULT\\b))")),
            Map.entry("NEXT VALUE FOR a sequence", Pattern.compile("(?i)\\bNEXT\\s+VALUE\\s+FOR\\b")),
            Map.entry("IDENTITY_VAL_LOCAL()", Pattern.compile("(?i)\\bIDENTITY_VAL_LOCAL\\b")),
            Map.entry("Derby's functions (LOCATE, TIMESTAMPADD, TIMESTAMPDIFF)", Pattern.compile("(?i)\\b(LOCATE|TIMESTAMPADD|TIMESTAMPDIFF)\\s*\\(")),
            Map.entry("JDBC escapes ({fn ...}, {d ...})", Pattern.compile("\\{\\s*(fn|d|t|ts|oj|call)\\s", Pattern.CASE_INSENSITIVE)),
            Map.entry("CURRENT DATE/TIME written with a space", Pattern.compile("(?i)\\bCURRENT\\s+(DATE|TIME|TIMESTAMP)\\b")),
            Map.entry("isolation clauses (WITH RR/RS/CS/UR)", Pattern.compile("(?i)\\bWITH\\s+(RR|RS|CS|UR)\\b")),
            Map.entry("RENAME TABLE/COLUMN/INDEX statements", Pattern.compile("(?i)^\\s*RENAME\\s+(TABLE|COLUMN|INDEX)\\b")),
            Map.entry("ALTER COLUMN c [NOT] NULL", Pattern.compile("(?i)\\bALTER\\s+COLUMN\\s+\\w+\\s+(NOT\\s+)?NULL\\b")),
            Map.entry("DECLARE GLOBAL TEMPORARY TABLE", Pattern.compile("(?i)\\bDECLARE\\s+GLOBAL\\s+TEMPORARY\\b")),
            Map.entry("Derby's SQLStates (X0..., XJ..., XCL..., 40XL...)", Pattern.compile("^(X0[A-Z0-9]{3}|XJ[0-9]{3}|XCL[0-9]{2}|40XL[0-9])$")),
            Map.entry("Derby's JDBC URL", Pattern.compile("(?i)jdbc:derby")));

    /** Code (not literals) only the Derby class may contain: the Derby database and the Derby driver. */
    private static final Map<String, Pattern> DERBY_CODE = Map.of(
            "the Derby database class (org.syncline.store.Database)", Pattern.compile("\\bimport\\s+org\\.syncline\\.store\\.Database\\s*;|\\borg\\.syncline\\.store\\.Database\\b(?!\\w)"),
            "the Derby driver (org.apache.derby)", Pattern.compile("\\borg\\.apache\\.derby\\b"));

    @Test
    void theRegistrysSqlHasNoDerbyOnlyConstructOutsideTheDerbyClass() throws IOException {
        Path src = sources();
        List<String> findings = new ArrayList<>();
        int files = 0;
        int statements = 0;
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                if (f.getFileName().toString().equals(DERBY_CLASS)) {
                    continue;
                }
                JavaLiterals source = JavaLiterals.of(Files.readString(f, StandardCharsets.UTF_8));
                statements += (int) source.literals().stream().filter(PortableSqlTest::looksLikeSql).count();
                findings.addAll(findings(f.getFileName().toString().replace(".java", ""), source));
            }
        }
        assertTrue(files > 10, "the registry's sources were found at " + src + " (" + files + " files)");
        assertTrue(statements > 50, "the scan saw the tables' SQL (" + statements + " statements found)");
        assertEquals(List.of(), findings, "Derby-only SQL outside " + DERBY_CLASS + "; move it there or write it portably");
    }

    @Test
    void aDerbyOnlyConstructIsFoundAndNamedWithItsClass() {
        String source = """
                class CompressTable {
                    // "CALL SYSCS_UTIL..." in a comment is no statement
                    static final String OK = "SELECT sha256 FROM document_node_blobs WHERE node = ? FETCH FIRST 10 ROWS ONLY";
                    static final String BAD = "CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE('APP', 'DOCUMENTS', 0)";
                    static final String TYPE = \"""
                        CREATE TABLE t (
                            body LONG VARCHAR NOT NULL)\""";
                    static final char QUOTE = '"';
                    static final String STATE = "X0Y32";
                }
                """;
        List<String> found = findings("CompressTable", JavaLiterals.of(source));
        assertEquals(4, found.size(), found.toString());
        assertTrue(found.stream().anyMatch(s -> s.startsWith("CompressTable: CALL of a procedure")), found.toString());
        assertTrue(found.stream().anyMatch(s -> s.startsWith("CompressTable: Derby system procedures")), found.toString());
        assertTrue(found.stream().anyMatch(s -> s.startsWith("CompressTable: LONG VARCHAR")), found.toString());
        assertTrue(found.stream().anyMatch(s -> s.startsWith("CompressTable: Derby's SQLStates")), found.toString());
        assertEquals(List.of("Registry: the Derby database class (org.syncline.store.Database)"),
                findings("Registry", JavaLiterals.of("import org.syncline.store.Database;\nclass Registry { }")));
    }

    private static List<String> findings(String className, JavaLiterals source) {
        List<String> found = new ArrayList<>();
        for (String literal : source.literals()) {
            constructs(DERBY_ONLY, literal).forEach(name -> found.add(className + ": " + name + " in \"" + literal.strip() + "\""));
        }
        constructs(DERBY_CODE, source.code()).forEach(name -> found.add(className + ": " + name));
        return found;
    }

    /** The names, in order, of the constructs in {@code table} that {@code text} contains. */
    private static Stream<String> constructs(Map<String, Pattern> table, String text) {
        return table.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> e.getValue().matcher(text).find()).map(Map.Entry::getKey);
    }

    private static boolean looksLikeSql(String literal) {
        return Pattern.compile("(?i)\\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE|CREATE INDEX|ALTER TABLE)\\b").matcher(literal).find();
    }

    /** The registry's sources: the tests run in their fragment's folder, next to the bundle's. */
    private static Path sources() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("bundles/org.syncline.documents.server/src");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = p.resolve("org.syncline.documents.server/src");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new AssertionError("The sources of org.syncline.documents.server were not found above " + here);
    }

    /** Java source split into its string literals (text blocks too) and the code around them, comments left out. */
    record JavaLiterals(List<String> literals, String code) {
        static JavaLiterals of(String source) {
            List<String> literals = new ArrayList<>();
            StringBuilder code = new StringBuilder();
            scan(source, literals, code);
            return new JavaLiterals(literals, code.toString());
        }

        private static void scan(String s, List<String> literals, StringBuilder code) {
            int i = 0;
            while (i < s.length()) {
                char ch = s.charAt(i);
                if (s.startsWith("//", i)) {
                    int end = s.indexOf('\n', i);
                    i = end < 0 ? s.length() : end;
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? s.length() : end + 2;
                } else if (s.startsWith("\"\"\"", i)) {
                    int end = s.indexOf("\"\"\"", i + 3);
                    while (end > 0 && s.charAt(end - 1) == '\\') {
                        end = s.indexOf("\"\"\"", end + 1);
                    }
                    end = end < 0 ? s.length() : end;
                    literals.add(s.substring(i + 3, end));
                    code.append("\"\"");
                    i = Math.min(s.length(), end + 3);
                } else if (ch == '"' || ch == '\'') {
                    StringBuilder lit = new StringBuilder();
                    int j = i + 1;
                    while (j < s.length() && s.charAt(j) != ch) {
                        if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                            j++;
                        }
                        lit.append(s.charAt(j));
                        j++;
                    }
                    if (ch == '"') {
                        literals.add(lit.toString());
                    }
                    code.append(ch).append(ch);
                    i = j + 1;
                } else {
                    code.append(ch);
                    i++;
                }
            }
        }
    }
}
