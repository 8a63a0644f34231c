package org.syncline.documents.internal.server;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every document's name and owner in memory, for name-substring search and for paging in name order: a SQL
 * {@code LIKE '%x%'} cannot use an index and scans the whole table, and an unfiltered page sorts and counts the whole
 * table, which at a million documents takes seconds. The names are kept as one array of lower-case UTF-8 bytes
 * (about 30 MB for a million names) that a search scans in tens of milliseconds, the names as they are, the ids
 * as two longs each, an id-to-slot hash table and the slots in name order (the order of {@link NameKey}: without regard to
 * case, then the exact name, then the id, as the SQL orders), kept
 * sorted by merging the slots added since the last read. The database stays the truth: the registry updates this
 * after each commit, and a search uses it to narrow the SQL to the matching ids ({@link DocumentTable}) or, for a
 * search by name only in name order, to pick the page and count it. Ids must be UUIDs (the registry makes them
 * so); while a row's id is not, or while the index is loading, everything is left to SQL.
 */
final class NameIndex {
    /** Up to this many matches, a page sorts them instead of walking the whole name order. */
    private final int few;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private byte[] lower = new byte[1 << 16];
    private int used;
    /** Slot i's bytes are lower[start[i] .. start[i + 1]); slots are only appended, a removed one has a null name. */
    private int[] start = new int[1025];
    private String[] names = new String[1024];
    /** Slot i's sort key ({@link NameKey#of}): the very name object when it has no capitals, so most cost nothing. */
    private String[] keys = new String[1024];
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private int[] owner = new int[1024];
    private int slots;
    private int removed;
    private final List<String> ownerNames = new ArrayList<>();
    private final Map<String, Integer> ownerCodes = new HashMap<>();
    /** Open addressing, slot + 1 per entry (0: empty); may also hold removed slots, which lookups skip. */
    private int[] table = new int[4096];
    private int tableEntries;
    /** The live slots in name order as of the last merge, then the slots appended since (unsorted). */
    private int[] order = new int[0];
    private int[] added = new int[64];
    private int addedCount;
    /** Whether a slot was removed since the last merge (the order still holds it). */
    private boolean orderHasRemoved;
    private volatile boolean ready;
    /** Changes made while loading (id, name or null, owner or null), applied after it; null once loaded. */
    private List<String[]> pending = new ArrayList<>();
    /** Ids that are not UUIDs: while there are any, the index cannot answer for them and searches go to SQL. */
    private volatile boolean complete = true;

    /** Who may read what: everything (an admin), or what one user owns plus the documents shared with them. */
    record Reader(String owner, List<String> shared) {
        static final Reader ALL = new Reader(null, List.of());
    }

    /** One page of ids in name order and how many match in all. */
    record Page(List<String> ids, long total) {
    }

    NameIndex() {
        this(4096);
    }

    /** @param few up to this many matches, a page sorts them instead of walking the whole name order */
    NameIndex(int few) {
        this.few = few;
    }

    /**
     * Reads every name; searches use the index from then on. Changes committed meanwhile are given to
     * {@link #add}, {@link #rename} and {@link #remove} as usual: they wait in a list and are applied after the
     * rows read, so one the scan also saw is not counted twice.
     */
    void load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, owner_name FROM documents")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID u = uuid(rs.getString(1));
                    lock.writeLock().lock();
                    try {
                        if (u == null) {
                            complete = false;
                        } else {
                            append(u, rs.getString(2), code(rs.getString(3)));
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
                apply(change[0], change[1], change[2]);
            }
            pending = null;
            mergeOrder();
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
    void add(String id, String name, String ownerName) {
        change(id, name, ownerName);
    }

    /** A document's new name. */
    void rename(String id, String name) {
        change(id, name, null);
    }

    void remove(String id) {
        change(id, null, null);
    }

    private void change(String id, String name, String ownerName) {
        lock.writeLock().lock();
        try {
            if (pending != null) {
                pending.add(new String[] {id, name, ownerName});
            } else {
                apply(id, name, ownerName);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds, renames (owner null: kept) or (name null) removes. */
    private void apply(String id, String name, String ownerName) {
        UUID u = uuid(id);
        if (u == null) {
            complete = complete && name == null;
            return;
        }
        int at = find(u.getMostSignificantBits(), u.getLeastSignificantBits());
        int ownerCode = ownerName != null ? code(ownerName) : at >= 0 ? owner[at] : -1;
        if (at >= 0) {
            if (names[at].equals(name) && owner[at] == ownerCode) {
                return;
            }
            names[at] = null;
            keys[at] = null;
            removed++;
            orderHasRemoved = true;
        }
        if (name != null && ownerCode >= 0) {
            append(u, name, ownerCode);
        }
        if (removed > slots / 2 && slots > 1024) {
            compact();
        }
    }

    /** The slots whose name contains {@code part}, compared without regard to case, in slot order. */
    int[] matching(String part) {
        byte[] p = NameKey.of(part).getBytes(StandardCharsets.UTF_8);
        lock.readLock().lock();
        try {
            return matchingLocked(p);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One scan of all names' bytes at once; a hit is a slot's when it ends within that slot's bytes. */
    private int[] matchingLocked(byte[] p) {
        int[] hits = new int[16];
        int n = 0;
        if (p.length == 0) {
            for (int s = 0; s < slots; s++) {
                if (names[s] != null) {
                    if (n == hits.length) {
                        hits = Arrays.copyOf(hits, n * 2);
                    }
                    hits[n++] = s;
                }
            }
            return Arrays.copyOf(hits, n);
        }
        // Horspool: compare the pattern's last byte first and skip by the bad-character table, so a part of m bytes
        // looks at about one byte in m of the 30 MB per million names
        int m = p.length;
        int[] skip = new int[256];
        Arrays.fill(skip, m);
        for (int k = 0; k < m - 1; k++) {
            skip[p[k] & 0xff] = m - 1 - k;
        }
        byte lastByte = p[m - 1];
        int i = 0;
        int end = used - m;
        while (i <= end) {
            byte b = lower[i + m - 1];
            if (b == lastByte && same(i, p)) {
                int s = slotAt(i);
                if (i + m <= start[s + 1]) {
                    if (names[s] != null) {
                        if (n == hits.length) {
                            hits = Arrays.copyOf(hits, n * 2);
                        }
                        hits[n++] = s;
                    }
                    i = start[s + 1];
                    continue;
                }
            }
            i += skip[b & 0xff];
        }
        return Arrays.copyOf(hits, n);
    }

    private boolean same(int at, byte[] p) {
        for (int j = p.length - 2; j >= 0; j--) {
            if (lower[at + j] != p[j]) {
                return false;
            }
        }
        return true;
    }

    /** The slot whose bytes hold position {@code pos}. */
    private int slotAt(int pos) {
        int lo = 0;
        int hi = slots - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The ids of the slots. */
    List<String> ids(int[] slotsFound) {
        lock.readLock().lock();
        try {
            List<String> ids = new ArrayList<>(slotsFound.length);
            for (int s : slotsFound) {
                if (names[s] != null) {
                    ids.add(id(s));
                }
            }
            return ids;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A page of the documents {@code reader} may read whose name contains {@code part} (null: all), in name order
     * (ties by id ascending, as the SQL orders, either way), and how many there are.
     */
    Page page(String part, Reader reader, boolean descending, int offset, int size) {
        lock.writeLock().lock();
        try {
            mergeOrder();
            // downgrade: take the read lock before letting the write lock go, so nothing changes in between
            lock.readLock().lock();
        } finally {
            lock.writeLock().unlock();
        }
        try {
            BitSet wanted = null;
            long total;
            boolean everything = part == null && reader.owner() == null;
            if (part != null) {
                wanted = new BitSet(slots);
                for (int s : matchingLocked(NameKey.of(part).getBytes(StandardCharsets.UTF_8))) {
                    wanted.set(s);
                }
            }
            if (reader.owner() != null) {
                BitSet readable = readable(reader);
                if (wanted == null) {
                    wanted = readable;
                } else {
                    wanted.and(readable);
                }
            }
            total = everything ? slots - removed : wanted.cardinality();
            List<String> ids = new ArrayList<>(Math.max(0, Math.min(size, (int) total - offset)));
            if (everything) {
                for (int t = offset; t < offset + size && t < order.length; t++) {
                    ids.add(id(descending ? descendingAt(t) : order[t]));
                }
                return new Page(ids, total);
            }
            if (total <= few) {
                // few matches: sort them rather than walk the whole order
                int[] few = new int[(int) total];
                int f = 0;
                for (int s = wanted.nextSetBit(0); s >= 0; s = wanted.nextSetBit(s + 1)) {
                    few[f++] = s;
                }
                sort(few, descending);
                for (int k = offset; k < few.length && ids.size() < size; k++) {
                    ids.add(id(few[k]));
                }
                return new Page(ids, total);
            }
            int seen = 0;
            if (!descending) {
                for (int k = 0; k < order.length && ids.size() < size; k++) {
                    if (wanted.get(order[k]) && seen++ >= offset) {
                        ids.add(id(order[k]));
                    }
                }
                return new Page(ids, total);
            }
            // backwards by runs of equal names, each run forwards (ids ascending within a name, as the SQL orders)
            for (int k = order.length - 1; k >= 0 && ids.size() < size;) {
                int j = runStart(k);
                for (int i = j; i <= k && ids.size() < size; i++) {
                    if (wanted.get(order[i]) && seen++ >= offset) {
                        ids.add(id(order[i]));
                    }
                }
                k = j - 1;
            }
            return new Page(ids, total);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The slot at position t of the order backwards, where equal names keep their ids ascending. */
    private int descendingAt(int t) {
        int r = order.length - 1 - t;
        int j = runStart(r);
        int k = r;
        while (k + 1 < order.length && names[order[k + 1]].equals(names[order[r]])) {
            k++;
        }
        return order[j + k - r];
    }

    /** The first position of the run of equal names that position k is in. */
    private int runStart(int k) {
        int j = k;
        while (j > 0 && names[order[j - 1]].equals(names[order[k]])) {
            j--;
        }
        return j;
    }

    /** The slots the reader owns or that are shared with them. */
    private BitSet readable(Reader reader) {
        BitSet readable = new BitSet(slots);
        Integer me = ownerCodes.get(reader.owner());
        if (me != null) {
            for (int s = 0; s < slots; s++) {
                if (owner[s] == me && names[s] != null) {
                    readable.set(s);
                }
            }
        }
        for (String id : reader.shared()) {
            UUID u = uuid(id);
            int s = u == null ? -1 : find(u.getMostSignificantBits(), u.getLeastSignificantBits());
            if (s >= 0) {
                readable.set(s);
            }
        }
        return readable;
    }

    /** Brings the order up to date: drops removed slots and merges the ones added since, sorted. Write lock held. */
    private void mergeOrder() {
        if (addedCount == 0 && !orderHasRemoved) {
            return;
        }
        int[] fresh = Arrays.copyOf(added, addedCount);
        int kept = 0;
        for (int s : fresh) {
            if (names[s] != null) {
                fresh[kept++] = s;
            }
        }
        fresh = Arrays.copyOf(fresh, kept);
        sort(fresh);
        int[] merged = new int[slots - removed];
        int a = 0;
        int b = 0;
        int m = 0;
        while (a < order.length || b < fresh.length) {
            if (a < order.length && names[order[a]] == null) {
                a++;
            } else if (b >= fresh.length || (a < order.length && compare(order[a], fresh[b]) <= 0)) {
                merged[m++] = order[a++];
            } else {
                merged[m++] = fresh[b++];
            }
        }
        order = m == merged.length ? merged : Arrays.copyOf(merged, m);
        addedCount = 0;
        orderHasRemoved = false;
    }

    /** Keys and names backwards, ids still ascending within a name (as the SQL orders). */
    private int compareDescending(int a, int b) {
        int c = compareNames(b, a);
        return c != 0 ? c : id(a).compareTo(id(b));
    }

    private int compare(int a, int b) {
        int c = compareNames(a, b);
        return c != 0 ? c : id(a).compareTo(id(b));
    }

    /** By key, then by the exact name; String.compareTo compares UTF-16 units, as Derby compares VARCHARs. */
    private int compareNames(int a, int b) {
        int c = keys[a].compareTo(keys[b]);
        return c != 0 ? c : names[a].compareTo(names[b]);
    }

    /** A merge sort of slots by {@link #compare}. */
    private void sort(int[] a) {
        sort(a, false);
    }

    /** Descending: names backwards, ids still ascending within a name (as the SQL orders). */
    private void sort(int[] a, boolean descending) {
        int[] buffer = new int[a.length];
        for (int width = 1; width < a.length; width *= 2) {
            for (int from = 0; from < a.length; from += 2 * width) {
                int mid = Math.min(from + width, a.length);
                int to = Math.min(from + 2 * width, a.length);
                int i = from;
                int j = mid;
                int k = from;
                while (i < mid && j < to) {
                    buffer[k++] = (descending ? compareDescending(a[i], a[j]) : compare(a[i], a[j])) <= 0 ? a[i++] : a[j++];
                }
                while (i < mid) {
                    buffer[k++] = a[i++];
                }
                while (j < to) {
                    buffer[k++] = a[j++];
                }
            }
            System.arraycopy(buffer, 0, a, 0, a.length);
        }
    }

    private String id(int s) {
        return new UUID(high[s], low[s]).toString();
    }

    private int code(String ownerName) {
        return ownerCodes.computeIfAbsent(ownerName, o -> {
            ownerNames.add(o);
            return ownerNames.size() - 1;
        });
    }

    /** The live slot with this id, or -1. */
    private int find(long h, long l) {
        int mask = table.length - 1;
        for (int i = hash(h, l) & mask; table[i] != 0; i = (i + 1) & mask) {
            int s = table[i] - 1;
            if (low[s] == l && high[s] == h && names[s] != null) {
                return s;
            }
        }
        return -1;
    }

    private static int hash(long h, long l) {
        long x = h * 0x9E3779B97F4A7C15L ^ l;
        x ^= x >>> 29;
        return (int) (x ^ (x >>> 32));
    }

    private void putInTable(int s) {
        if ((tableEntries + 1) * 2 > table.length) {
            rehash(table.length * 2);
        }
        int mask = table.length - 1;
        int i = hash(high[s], low[s]) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = s + 1;
        tableEntries++;
    }

    /** A new table of the live slots only. */
    private void rehash(int capacity) {
        int live = slots - removed;
        while (live * 2 + 2 > capacity) {
            capacity *= 2;
        }
        table = new int[capacity];
        tableEntries = 0;
        int mask = capacity - 1;
        for (int s = 0; s < slots; s++) {
            if (names[s] != null) {
                int i = hash(high[s], low[s]) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = s + 1;
                tableEntries++;
            }
        }
    }

    private void append(UUID u, String name, int ownerCode) {
        String key = NameKey.of(name);
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        if (used + b.length > lower.length) {
            lower = Arrays.copyOf(lower, Math.max(lower.length * 2, used + b.length));
        }
        if (slots == names.length) {
            int grown = names.length * 2;
            names = Arrays.copyOf(names, grown);
            keys = Arrays.copyOf(keys, grown);
            high = Arrays.copyOf(high, grown);
            low = Arrays.copyOf(low, grown);
            owner = Arrays.copyOf(owner, grown);
            start = Arrays.copyOf(start, grown + 1);
        }
        System.arraycopy(b, 0, lower, used, b.length);
        names[slots] = name;
        keys[slots] = key;
        high[slots] = u.getMostSignificantBits();
        low[slots] = u.getLeastSignificantBits();
        owner[slots] = ownerCode;
        start[slots] = used;
        used += b.length;
        int s = slots++;
        start[slots] = used;
        putInTable(s);
        if (addedCount == added.length) {
            added = Arrays.copyOf(added, addedCount * 2);
        }
        added[addedCount++] = s;
    }

    /** Drops the removed slots' bytes once they are half of all; the order keeps its sequence, renumbered. */
    private void compact() {
        String[] keptNames = names;
        long[] keptHigh = high;
        long[] keptLow = low;
        int[] keptOwner = owner;
        int[] keptOrder = order;
        int[] keptAdded = Arrays.copyOf(added, addedCount);
        int n = slots;
        int[] renumbered = new int[n];
        lower = new byte[Math.max(1 << 16, used / 2)];
        used = 0;
        names = new String[Math.max(1024, n)];
        keys = new String[names.length];
        high = new long[names.length];
        low = new long[names.length];
        owner = new int[names.length];
        start = new int[names.length + 1];
        table = new int[4096];
        tableEntries = 0;
        slots = 0;
        removed = 0;
        addedCount = 0;
        for (int i = 0; i < n; i++) {
            renumbered[i] = -1;
            if (keptNames[i] != null) {
                renumbered[i] = slots;
                append(new UUID(keptHigh[i], keptLow[i]), keptNames[i], keptOwner[i]);
            }
        }
        addedCount = 0;
        int m = 0;
        int[] newOrder = new int[keptOrder.length];
        for (int s : keptOrder) {
            if (renumbered[s] >= 0) {
                newOrder[m++] = renumbered[s];
            }
        }
        order = Arrays.copyOf(newOrder, m);
        for (int s : keptAdded) {
            if (renumbered[s] >= 0) {
                added[addedCount++] = renumbered[s];
            }
        }
        orderHasRemoved = false;
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
