package org.syncline.documents.internal.server;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every document's name in memory, for name-substring search: a SQL {@code LIKE '%x%'} cannot use an index and
 * scans the whole table (a second time for the count), which at a million documents takes seconds. The names are
 * kept as one array of lower-case UTF-8 bytes (about 30 MB for a million names) that a search scans in tens of
 * milliseconds, plus the names as they are (for ordering by name) and the ids as two longs each. The database
 * stays the truth: the registry updates this after each commit, and a search uses it only to narrow the SQL to
 * the matching ids ({@link DocumentTable}) or, for an admin's name-only search in name order, to pick the page.
 * Ids must be UUIDs (the registry makes them so); a row whose id is not is left to SQL, and so is everything
 * while the index is loading.
 */
final class NameIndex {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private byte[] lower = new byte[1 << 16];
    private int used;
    /** Slot i's bytes are lower[start[i] .. start[i + 1]); slots are only appended, a removed one has a null name. */
    private int[] start = new int[1025];
    private String[] names = new String[1024];
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private int slots;
    private int removed;
    private volatile boolean ready;
    /** Changes made while loading, applied after it; null once loaded. */
    private List<String[]> pending = new ArrayList<>();
    /** Ids that are not UUIDs: while there are any, the index cannot answer for them and searches go to SQL. */
    private volatile boolean complete = true;

    /**
     * Reads every name; searches use the index from then on. Changes committed meanwhile are given to
     * {@link #add}, {@link #rename} and {@link #remove} as usual: they wait in a list and are applied after the
     * rows read, so one the scan also saw is not counted twice.
     */
    void load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM documents")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID u = uuid(rs.getString(1));
                    lock.writeLock().lock();
                    try {
                        if (u == null) {
                            complete = false;
                        } else {
                            append(u, rs.getString(2));
                        }
                    } finally {
                        lock.writeLock().unlock();
                    }
                }
            }
        }
        lock.writeLock().lock();
        try {
            for (String[] change : pending) {
                apply(change[0], change[1]);
            }
            pending = null;
            ready = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many documents it holds. */
    int size() {
        lock.readLock().lock();
        try {
            return slots - removed;
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean ready() {
        return ready && complete;
    }

    /** A new document. */
    void add(String id, String name) {
        change(id, name, true);
    }

    /** A document's new name. */
    void rename(String id, String name) {
        change(id, name, false);
    }

    void remove(String id) {
        change(id, null, false);
    }

    private void change(String id, String name, boolean isNew) {
        lock.writeLock().lock();
        try {
            if (pending != null) {
                pending.add(new String[] {id, name});
            } else if (isNew) {
                UUID u = uuid(id);
                if (u == null) {
                    complete = false;
                } else {
                    append(u, name);
                }
            } else {
                apply(id, name);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Renames, adds or (name null) removes, looking the id up first: a linear scan of the ids, a millisecond per million. */
    private void apply(String id, String name) {
        UUID u = uuid(id);
        if (u == null) {
            complete = complete && name == null;
            return;
        }
        int at = find(u);
        if (at >= 0) {
            if (names[at].equals(name)) {
                return;
            }
            drop(at);
        }
        if (name != null) {
            append(u, name);
        }
        if (removed > slots / 2 && slots > 1024) {
            compact();
        }
    }

    /** The slots whose name contains {@code part}, compared without regard to case. */
    int[] matching(String part) {
        byte[] p = part.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        lock.readLock().lock();
        try {
            int[] hits = new int[16];
            int n = 0;
            for (int i = 0; i < slots; i++) {
                if (names[i] != null && contains(start[i], start[i + 1], p)) {
                    if (n == hits.length) {
                        hits = Arrays.copyOf(hits, n * 2);
                    }
                    hits[n++] = i;
                }
            }
            return Arrays.copyOf(hits, n);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ids of the slots. */
    List<String> ids(int[] slotsFound) {
        lock.readLock().lock();
        try {
            List<String> ids = new ArrayList<>(slotsFound.length);
            for (int s : slotsFound) {
                if (names[s] != null) {
                    ids.add(new UUID(high[s], low[s]).toString());
                }
            }
            return ids;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ids of one page of the slots in name order (then id, as the SQL orders), either way. */
    List<String> page(int[] slotsFound, boolean descending, int offset, int size) {
        lock.readLock().lock();
        try {
            Comparator<Integer> byName = Comparator.<Integer, String>comparing(s -> names[s]).thenComparing(s -> new UUID(high[s], low[s]).toString());
            Comparator<Integer> order = descending ? byName.reversed() : byName;
            int wanted = offset + size;
            // keep the first `wanted` in a heap whose head is the last of them: k log(wanted), not a sort of all matches
            PriorityQueue<Integer> first = new PriorityQueue<>(Math.max(1, Math.min(wanted, slotsFound.length)), order.reversed());
            for (int s : slotsFound) {
                if (names[s] == null) {
                    continue;
                }
                if (first.size() < wanted) {
                    first.add(s);
                } else if (order.compare(s, first.peek()) < 0) {
                    first.poll();
                    first.add(s);
                }
            }
            List<Integer> sorted = new ArrayList<>(first);
            sorted.sort(order);
            List<String> ids = new ArrayList<>();
            for (int i = offset; i < sorted.size(); i++) {
                ids.add(new UUID(high[sorted.get(i)], low[sorted.get(i)]).toString());
            }
            return ids;
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean contains(int from, int to, byte[] p) {
        int last = to - p.length;
        if (p.length == 0) {
            return true;
        }
        byte first = p[0];
        for (int i = from; i <= last; i++) {
            if (lower[i] == first) {
                int j = 1;
                while (j < p.length && lower[i + j] == p[j]) {
                    j++;
                }
                if (j == p.length) {
                    return true;
                }
            }
        }
        return false;
    }

    private int find(UUID u) {
        long h = u.getMostSignificantBits();
        long l = u.getLeastSignificantBits();
        for (int i = 0; i < slots; i++) {
            if (low[i] == l && high[i] == h && names[i] != null) {
                return i;
            }
        }
        return -1;
    }

    private void append(UUID u, String name) {
        byte[] b = name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (used + b.length > lower.length) {
            lower = Arrays.copyOf(lower, Math.max(lower.length * 2, used + b.length));
        }
        if (slots == names.length) {
            int grown = names.length * 2;
            names = Arrays.copyOf(names, grown);
            high = Arrays.copyOf(high, grown);
            low = Arrays.copyOf(low, grown);
            start = Arrays.copyOf(start, grown + 1);
        }
        System.arraycopy(b, 0, lower, used, b.length);
        names[slots] = name;
        high[slots] = u.getMostSignificantBits();
        low[slots] = u.getLeastSignificantBits();
        start[slots] = used;
        used += b.length;
        slots++;
        start[slots] = used;
    }

    private void drop(int at) {
        names[at] = null;
        removed++;
    }

    /** Drops the removed slots' bytes once they are half of all. */
    private void compact() {
        String[] keptNames = names;
        long[] keptHigh = high;
        long[] keptLow = low;
        int n = slots;
        lower = new byte[Math.max(1 << 16, used / 2)];
        used = 0;
        names = new String[Math.max(1024, n)];
        high = new long[names.length];
        low = new long[names.length];
        start = new int[names.length + 1];
        slots = 0;
        removed = 0;
        for (int i = 0; i < n; i++) {
            if (keptNames[i] != null) {
                append(new UUID(keptHigh[i], keptLow[i]), keptNames[i]);
            }
        }
    }

    private static UUID uuid(String id) {
        try {
            UUID u = UUID.fromString(id);
            return u.toString().equals(id) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
