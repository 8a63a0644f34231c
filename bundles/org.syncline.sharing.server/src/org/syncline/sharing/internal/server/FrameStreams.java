package org.syncline.sharing.internal.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.FrameUpdate;

/**
 * The two frame streams of a room. The host's stream goes into the tile board and never waits for a viewer. Each
 * viewer's stream takes from the board whatever is newer than what that viewer has, but only while the viewer has
 * acknowledged all but one of the updates sent to it ({@link ViewerPace}): meanwhile updates merge on the board,
 * and the viewer gets one update of every newer tile once it is ready again. Only that viewer's stream waits.
 */
final class FrameStreams {
    /** A keep-alive (length 0) goes out when nothing changed for this long, so an idle stream is not timed out. */
    static final long KEEP_ALIVE_MILLIS = 5_000;

    private FrameStreams() {
    }

    /** Reads the host's updates into the board until the host ends the stream or the room closes; returns the count. */
    static long ingest(Room room, InputStream data) throws IOException {
        DataInputStream in = new DataInputStream(data);
        long frames = 0;
        while (!room.isClosed()) {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                return frames;
            }
            if (length == 0) {
                continue;
            }
            if (length < 0 || length > FrameUpdate.MAX_ENCODED_BYTES) {
                throw new SynclineException(ErrorCode.PROTOCOL_ERROR, "Frame update refused: it claims " + length + " bytes.");
            }
            byte[] encoded = in.readNBytes(length);
            if (encoded.length != length) {
                throw new SynclineException(ErrorCode.PROTOCOL_ERROR, "Frame update refused: the stream ended inside it.");
            }
            room.board.apply(FrameUpdate.fromBytes(encoded));
            frames++;
        }
        return frames;
    }

    /** Sends a member the board's updates until the room closes or the member leaves; returns the count. */
    static long feed(Room room, String user, OutputStream stream) throws IOException, InterruptedException {
        DataOutputStream out = new DataOutputStream(stream);
        TileBoard.Seen seen = TileBoard.Seen.NOTHING;
        ViewerPace pace = room.startFeed(user);
        long frames = 0;
        while (!room.isClosed() && room.isMember(user)) {
            // while the viewer has not taken what is on its way, newer tiles merge on the board for it
            TileBoard.Delta delta = pace.awaitTurn(KEEP_ALIVE_MILLIS) ? room.board.waitNewer(seen, KEEP_ALIVE_MILLIS) : null;
            if (delta == null) {
                out.writeInt(0);
            } else {
                byte[] encoded = delta.update().toBytes();
                out.writeInt(encoded.length);
                out.write(encoded);
                seen = delta.seen();
                pace.sent();
                frames++;
            }
            // blocks only this viewer's stream while its client gives no credit: the others never wait for it
            out.flush();
        }
        return frames;
    }
}
