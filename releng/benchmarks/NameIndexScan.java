package org.syncline.documents.internal.server;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The registry's name index alone, in this process (docs-bench.sh s): DOCS names from {@link DocumentsBenchNames} go into a
 * {@link NameIndex}, then the same QUERIES name parts DocsBench's search sends (3-8 characters of seeded names, seed 42) ask
 * for page 1 of 50 in name order with the total count, as an admin's search does. Prints p50/p99 of wall time and of this
 * thread's CPU time per search: the part of case c's whole path that the index costs, without the network, the client
 * and the row reads of the page.
 *   usage: NameIndexScan DOCS QUERIES
 */
public final class NameIndexScan {
    private static final int WARM_UP = 20;

    /** Derby's log stream in this harness. */
    public static OutputStream nowhere() {
        return OutputStream.nullOutputStream();
    }

    public static void main(String[] args) throws Exception {
        int docs = Integer.parseInt(args[0]);
        int queries = Integer.parseInt(args[1]);
        System.setProperty("derby.stream.error.method", NameIndexScan.class.getName() + ".nowhere"); // no derby.log here
        NameIndex index = new NameIndex();
        // load() reads the documents table; an empty one in memory makes the index ready, the names then come as adds
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:names;create=true"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE documents (id VARCHAR(36), name VARCHAR(255), owner_name VARCHAR(64))");
            index.load(c);
        }
        long t0 = System.nanoTime();
        Random ids = new Random(7);
        for (int i = 0; i < docs; i++) {
            index.add(new UUID(ids.nextLong(), ids.nextLong()).toString(), DocumentsBenchNames.name(i), "admin");
        }
        index.page("warm", NameIndex.Reader.ALL, false, 0, 50); // merges the added names into name order once
        System.out.printf("name index of %,d documents built in %.1f s; heap used %d MiB%n", docs, (System.nanoTime() - t0) / 1e9,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        Random random = new Random(42);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < queries + WARM_UP; i++) {
            String name = DocumentsBenchNames.name(random.nextInt(docs));
            int len = 3 + random.nextInt(6);
            int at = random.nextInt(name.length() - len + 1);
            terms.add(name.substring(at, at + len));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] wall = new double[queries];
        double[] thread = new double[queries];
        long matched = 0;
        for (int i = 0; i < terms.size(); i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            NameIndex.Page p = index.page(terms.get(i), NameIndex.Reader.ALL, false, 0, 50);
            long w1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            if (p.ids().isEmpty()) {
                throw new IllegalStateException("no match for '" + terms.get(i) + "', which a seeded name contains");
            }
            if (i >= WARM_UP) {
                wall[i - WARM_UP] = (w1 - w0) / 1e6;
                thread[i - WARM_UP] = (c1 - c0) / 1e6;
                matched += p.total();
            }
        }
        Arrays.sort(wall);
        Arrays.sort(thread);
        int p50 = queries / 2;
        int p99 = (int) Math.ceil(queries * 0.99) - 1;
        System.out.printf("%d index searches (page 1 of 50 by name, total count; %d warm-up searches not counted): wall p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms; thread CPU p50 %.1f ms, p99 %.1f ms; mean total count %,d%n", queries, WARM_UP, wall[p50], wall[p99],
                wall[queries - 1], thread[p50], thread[p99], matched / queries);
    }
}
