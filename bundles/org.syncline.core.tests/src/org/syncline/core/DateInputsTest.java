package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DateInputsTest {
    @Test
    void aDayStartsInTheZoneGivenAndAnInstantIsItself() {
        assertEquals(Optional.of(Instant.parse("2026-11-22T00:00:00Z")), DateInputs.parse("2026-11-22", ZoneOffset.UTC));
        assertEquals(Optional.of(Instant.parse("2026-11-21T23:00:00Z")), DateInputs.parse(" 2026-11-22 ", ZoneId.of("Europe/Paris")));
        assertEquals(Optional.of(Instant.parse("2026-11-22T10:15:00Z")), DateInputs.parse("2026-11-22T10:15:00Z", ZoneId.of("Europe/Paris")));
    }

    @Test
    void whatIsNotADateIsEmpty() {
        for (String bad : new String[] { null, "", "last week", "2026-13-01", "22.11.2026", "2026-11-22T10:15" }) {
            assertEquals(Optional.empty(), DateInputs.parse(bad, ZoneOffset.UTC), String.valueOf(bad));
        }
    }
}
