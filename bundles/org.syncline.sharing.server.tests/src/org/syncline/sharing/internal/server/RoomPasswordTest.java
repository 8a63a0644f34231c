package org.syncline.sharing.internal.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoomPasswordTest {
    @Test
    void onlyTheSamePasswordMatches() {
        RoomPassword password = new RoomPassword("open-sesame".toCharArray());
        assertTrue(password.matches("open-sesame".toCharArray()));
        assertFalse(password.matches("open-sesam".toCharArray()));
        assertFalse(password.matches("".toCharArray()));
    }

    @Test
    void twoRoomsWithTheSamePasswordKeepDifferentHashes() throws Exception {
        RoomPassword a = new RoomPassword("same".toCharArray());
        RoomPassword b = new RoomPassword("same".toCharArray());
        java.lang.reflect.Field hash = RoomPassword.class.getDeclaredField("hash");
        hash.setAccessible(true);
        assertFalse(java.util.Arrays.equals((byte[]) hash.get(a), (byte[]) hash.get(b)), "the salt is not random");
    }
}
