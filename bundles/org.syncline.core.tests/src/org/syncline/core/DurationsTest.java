package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void eachUnitAndItsCaseAndBlanks() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), Durations.parse("90s"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), Durations.parse(" 15M "));
        assertEquals(Optional.of(Duration.ofHours(2)), Durations.parse("2h"));
        assertEquals(Optional.of(Duration.ofDays(7)), Durations.parse("7d"));
        assertEquals(Optional.of(Duration.ZERO), Durations.parse("0s"), "the range is the caller's");
    }

    @Test
    void whatIsNotADurationIsEmpty() {
        for (String bad : new String[] { null, "", "s", "90", "1.5h", "-1m", "10 m", "2w", "1234567890s", "PT1H" }) {
            assertEquals(Optional.empty(), Durations.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void plainNumbersAreSecondsOnlyWhereAsked() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), Durations.parseOrSeconds("90"));
        assertEquals(Optional.of(Duration.ofHours(2)), Durations.parseOrSeconds("2h"));
        assertEquals(Optional.empty(), Durations.parseOrSeconds("1234567890"));
        assertEquals(Optional.empty(), Durations.parseOrSeconds("x"));
    }
}
