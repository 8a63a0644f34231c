package org.syncline.sync.internal.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.sync.internal.engine.LocalIndex.Entry;

/**
 * The appended half of a large {@link LocalIndex}: each save adds only what changed since the one before (entries put
 * or removed, the cursor) instead of writing every entry again, which at 100,000 files was megabytes and a whole JSON
 * pass for every synced change. One line per record, {@code CRC32 JSON}; the first line names the snapshot's
 * generation it continues, and a save's records count only once its closing {@code {"saved":N}} line is read whole, so
 * a crash mid-append leaves the index as the save before. A log whose generation is not the snapshot's (left by a
 * crash between a new snapshot and the old log's removal) is ignored.
 */
final class IndexLog {
    /** What a log adds to its snapshot: the changes of its complete saves in order, and the cursor they end with. */
    record Replay(List<Change> changes, long cursor, long validBytes) {
    }

    /** An entry put ({@code entry} set) or removed ({@code entry} null). */
    record Change(String path, Entry entry) {
    }

    private final Path file;
    private FileChannel channel;
    private long size;

    IndexLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Bytes in the log (its complete saves), 0 when there is none. */
    long size() {
        return size;
    }

    /**
     * The complete saves of the log if it continues {@code generation}, else nothing; the next {@link #append} goes
     * after the last complete save (a torn save's bytes are cut off then). {@code cursor} is -1 if no save moved it.
     */
    Replay read(long generation) throws IOException {
        close();
        size = 0;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Replay(List.of(), -1, 0);
        }
        List<Change> changes = new ArrayList<>();
        List<Change> save = new ArrayList<>();
        long cursor = -1;
        long saveCursor = -1;
        long valid = 0;
        int at = 0;
        boolean header = true;
        while (at < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', at);
            if (end < 0) {
                break; // torn last line
            }
            JsonObject record = record(bytes, at, end);
            at = end + 1;
            if (record == null) {
                break; // damaged: nothing after it counts
            }
            try {
                if (header) {
                    if (record.optNumber("generation", -1) != generation) {
                        return new Replay(List.of(), -1, 0);
                    }
                    header = false;
                    valid = at;
                } else if (record.has("put")) {
                    Entry e = Json.read(record.object("put"), Entry.class);
                    save.add(new Change(e.path(), e));
                } else if (record.has("remove")) {
                    save.add(new Change(record.string("remove"), null));
                } else if (record.has("cursor")) {
                    saveCursor = record.number("cursor");
                } else if (record.has("saved")) {
                    changes.addAll(save);
                    save.clear();
                    cursor = saveCursor >= 0 ? saveCursor : cursor;
                    saveCursor = -1;
                    valid = at;
                } else {
                    break;
                }
            } catch (SynclineException e) {
                break; // a record of the right checksum that does not bind: nothing after it counts
            }
        }
        size = header ? 0 : valid;
        return new Replay(changes, cursor, size);
    }

    /** One save's records, ready to {@link #append}: its changes, then the cursor if it moved, then the closing line. */
    static byte[] save(List<Change> changes, long cursor, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + changes.size() * 256);
        for (Change c : changes) {
            line(out, c.entry() == null ? "{\"remove\":" + Json.write(c.path()) + "}" : "{\"put\":" + Json.write(c.entry()) + "}");
        }
        if (cursor >= 0) {
            line(out, "{\"cursor\":" + cursor + "}");
        }
        line(out, "{\"saved\":" + count + "}");
        return out.toByteArray();
    }

    /** Appends one save and forces it to disk; a new log starts with the generation it continues. */
    void append(long generation, byte[] save) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (size == 0) {
                ByteArrayOutputStream header = new ByteArrayOutputStream();
                line(header, "{\"generation\":" + generation + "}");
                channel.truncate(0);
                write(header.toByteArray(), 0);
                size = header.size();
            } else {
                channel.truncate(size); // a torn save's bytes
            }
        }
        write(save, size);
        channel.force(false);
        size += save.length;
    }

    /** Drops the log (after a new snapshot holds everything it said). */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
        size = 0;
    }

    void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private void write(byte[] bytes, long position) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            position += channel.write(b, position);
        }
    }

    private static void line(ByteArrayOutputStream out, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        out.writeBytes(HexFormat.of().toHexDigits((int) crc.getValue()).getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        out.writeBytes(body);
        out.write('\n');
    }

    /** The record of one line, or null if its checksum or JSON is wrong. */
    private static JsonObject record(byte[] bytes, int from, int end) {
        if (end - from < 10 || bytes[from + 8] != ' ') {
            return null;
        }
        try {
            long expected = Long.parseLong(new String(bytes, from, 8, StandardCharsets.US_ASCII), 16);
            CRC32 crc = new CRC32();
            crc.update(bytes, from + 9, end - from - 9);
            if (crc.getValue() != expected) {
                return null;
            }
            return JsonObject.parse(new String(bytes, from + 9, end - from - 9, StandardCharsets.UTF_8));
        } catch (NumberFormatException | SynclineException e) {
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
