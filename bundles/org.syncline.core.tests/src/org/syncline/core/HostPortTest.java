package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesForms() {
        assertEquals(new HostPort("example.org", 7443), HostPort.parse("example.org"));
        assertEquals(new HostPort("127.0.0.1", 9000), HostPort.parse("127.0.0.1:9000"));
        assertEquals(new HostPort("::1", 9000), HostPort.parse("[::1]:9000"));
        assertEquals("[::1]:9000", HostPort.parse("[::1]:9000").toString());
    }

    @Test
    void refusesBadPorts() {
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(SynclineException.class, () -> HostPort.parse("h:70000")).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(SynclineException.class, () -> HostPort.parse("h:abc")).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(SynclineException.class, () -> HostPort.parse("  ")).code());
    }
}
