package org.syncline.distribution.internal.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

import org.syncline.core.Sha256;

/**
 * What a scan of one folder found (every file's path below it, size and SHA-256), with a digest of the whole: the
 * SHA-256 of each entry in path order. Two listings with the same digest are the same listing, which is what lets
 * an agent answer a scan with only what changed since a base the master names by its digest ({@link #changesSince},
 * {@link #apply}): if both ends did not hold the same base, the digests differ and the scan is answered in full.
 */
final class Listing {
    private static final int FORMAT = 0x53434c31; // "SCL1"
    private final TreeMap<String, ContentRoot.Entry> entries;
    private final String digest;

    /** What changed between two listings: entries added or in another version, and the paths that are gone. */
    record Changes(List<ContentRoot.Entry> changed, List<String> removed) {
        Changes {
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }
    }

    private Listing(TreeMap<String, ContentRoot.Entry> entries) {
        this.entries = entries;
        this.digest = digestOf(entries.values());
    }

    static Listing of(Collection<ContentRoot.Entry> entries) {
        TreeMap<String, ContentRoot.Entry> map = new TreeMap<>();
        for (ContentRoot.Entry e : entries) {
            map.put(e.path(), e);
        }
        return new Listing(map);
    }

    /** Every entry in path order. */
    List<ContentRoot.Entry> entries() {
        return List.copyOf(entries.values());
    }

    int size() {
        return entries.size();
    }

    /** The SHA-256 (hex) of the listing: each entry's path, size and SHA-256 in path order. */
    String digest() {
        return digest;
    }

    /** What turns {@code base} into this listing. */
    Changes changesSince(Listing base) {
        List<ContentRoot.Entry> changed = new ArrayList<>();
        for (ContentRoot.Entry e : entries.values()) {
            if (!e.equals(base.entries.get(e.path()))) {
                changed.add(e);
            }
        }
        List<String> removed = base.entries.keySet().stream().filter(p -> !entries.containsKey(p)).toList();
        return new Changes(changed, removed);
    }

    /** This listing with the changes made (the other side of {@link #changesSince}). */
    Listing apply(Changes changes) {
        TreeMap<String, ContentRoot.Entry> map = new TreeMap<>(entries);
        changes.removed().forEach(map::remove);
        for (ContentRoot.Entry e : changes.changed()) {
            map.put(e.path(), e);
        }
        return new Listing(map);
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        data.writeInt(entries.size());
        for (ContentRoot.Entry e : entries.values()) {
            data.writeUTF(e.path());
            data.writeLong(e.size());
            data.writeUTF(e.sha256());
        }
        data.writeUTF(digest);
        data.flush();
    }

    /** Reads what {@link #write} wrote; an IOException when it is not such a listing or does not match its digest. */
    static Listing read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != FORMAT) {
            throw new IOException("not a scan listing");
        }
        int n = data.readInt();
        if (n < 0) {
            throw new IOException("a negative entry count");
        }
        TreeMap<String, ContentRoot.Entry> map = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            ContentRoot.Entry e = new ContentRoot.Entry(data.readUTF(), data.readLong(), data.readUTF());
            map.put(e.path(), e);
        }
        Listing read = new Listing(map);
        if (!read.digest.equals(data.readUTF())) {
            throw new IOException("the listing does not match its digest");
        }
        return read;
    }

    private static String digestOf(Collection<ContentRoot.Entry> entries) {
        MessageDigest d = Sha256.newDigest();
        for (ContentRoot.Entry e : entries) {
            // NUL cannot occur in a path, so no two listings write the same bytes
            d.update((e.path() + '\0' + e.size() + '\0' + e.sha256() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Listing l && l.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digest);
    }

    @Override
    public String toString() {
        return entries.size() + " file(s), digest " + digest;
    }
}
