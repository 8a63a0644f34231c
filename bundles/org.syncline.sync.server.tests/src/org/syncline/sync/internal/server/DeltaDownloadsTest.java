package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.Signature;
import org.syncline.sync.SyncMessages;

/** The hub reads an agent's signature for {@code sync.delta.get} only when it is base64, within the limit and well formed. */
class DeltaDownloadsTest {
    @Test
    void aSignatureIsReadBackAndBadOnesAreRefusedWithTheirCode() throws Exception {
        byte[] basis = new byte[300_000];
        new Random(5).nextBytes(basis);
        Signature sig = Signature.of(new ByteArrayInputStream(basis), basis.length, 4);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        sig.write(wire);
        String text = Base64.getEncoder().encodeToString(wire.toByteArray());
        Signature back = DeltaDownloads.parse(text);
        assertEquals(sig.length(), back.length());
        assertEquals(sig.blockCount(), back.blockCount());
        assertEquals(4, back.strongLength());

        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class, () -> DeltaDownloads.parse("not base64!")).code());
        assertEquals(ErrorCode.PROTOCOL_ERROR, assertThrows(SynclineException.class,
                () -> DeltaDownloads.parse(text.substring(0, text.length() / 2 / 4 * 4))).code());
        assertEquals(ErrorCode.PROTOCOL_ERROR, assertThrows(SynclineException.class,
                () -> DeltaDownloads.parse(Base64.getEncoder().encodeToString("SLD1xxxx".getBytes()))).code());
        String huge = "A".repeat(SyncMessages.DELTA_GET_MAX_SIGNATURE / 3 * 4 + 8);
        SynclineException big = assertThrows(SynclineException.class, () -> DeltaDownloads.parse(huge));
        assertEquals(ErrorCode.LIMIT_REACHED, big.code(), big.getMessage());
    }
}
