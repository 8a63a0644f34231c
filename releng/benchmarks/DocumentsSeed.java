package org.syncline.documents.internal.server;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.syncline.store.Database;

/**
 * Bench only (docs-bench.sh c): writes N documents into a stopped registry's database with the registry's own
 * SQL ({@link DocumentTable#INSERT} and {@link DocumentTable#values}, the statement and values a registration writes into
 * the table a search reads, with its indexes), as JDBC batches of 1,000, 10,000 rows per transaction. Versions, tags
 * and grants are not written: a search of an admin reads only the documents table, then the shown page's rows. It is compiled into the
 * server bundle's package by the script and never shipped. Names come from {@link DocumentsBenchNames}.
 *   args: DATA_DIR/db COUNT NODE OWNER
 */
public final class DocumentsSeed {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String node = args[2];
        String owner = args[3];
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(400, ChronoUnit.DAYS);
        long t0 = System.nanoTime();
        try (Database db = Database.open(dir)) {
            for (int from = 0; from < count; from += 10_000) {
                int start = from;
                int end = Math.min(count, from + 10_000);
                db.inTransaction(c -> {
                    try (java.sql.PreparedStatement ps = c.prepareStatement(DocumentTable.INSERT)) {
                        for (int i = start; i < end; i++) {
                            Instant modified = base.plusSeconds(i * 31L);
                            DocumentRow row = new DocumentRow(String.format("00000000-0000-4000-8000-%012d", i), DocumentsBenchNames.name(i),
                                    DocumentsBenchNames.author(i), DocumentsBenchNames.mime(i), 1024 + (i * 7919L) % 10_000_000,
                                    String.format("%064x", i), node, modified, modified, 1, "", owner);
                            Sql.bind(ps, DocumentTable.values(row));
                            ps.addBatch();
                            if ((i + 1) % 1000 == 0 || i + 1 == end) {
                                ps.executeBatch();
                            }
                        }
                    }
                    return null;
                });
                if (end % 100_000 == 0 || end == count) {
                    System.out.printf("seeded %,d documents (%.0f s)%n", end, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        System.out.printf("seeded %,d documents in %.0f s (%.0f per second)%n", count, (System.nanoTime() - t0) / 1e9,
                count / ((System.nanoTime() - t0) / 1e9));
    }
}
