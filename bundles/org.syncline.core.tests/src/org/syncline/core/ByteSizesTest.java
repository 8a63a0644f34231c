package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ByteSizesTest {
    @Test
    void bytesBinaryAndDecimalUnitsAsRsyncReadsThem() {
        assertEquals(Optional.of(4096L), ByteSizes.parse("4096"));
        assertEquals(Optional.of(12L), ByteSizes.parse(" 12 B "));
        assertEquals(Optional.of(10_240L), ByteSizes.parse("10K"));
        assertEquals(Optional.of(10_240L), ByteSizes.parse("10 KiB"));
        assertEquals(Optional.of(10_000L), ByteSizes.parse("10kb"));
        assertEquals(Optional.of(1_610_612_736L), ByteSizes.parse("1.5 GiB"));
        assertEquals(Optional.of(200_000_000L), ByteSizes.parse("200 MB"));
        assertEquals(Optional.of(3L << 40), ByteSizes.parse("3t"));
        assertEquals(Optional.of(0L), ByteSizes.parse("0"), "the range is the caller's");
    }

    @Test
    void whatIsNotASizeIsEmpty() {
        for (String bad : new String[] { null, "", " ", "K", "-1", "1.5", "1.5 B", "10 iB", "10 i", "10 PB", "ten", "10 KiBs", "1e3",
                "9999999999999 T", "1,000" }) {
            assertEquals(Optional.empty(), ByteSizes.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void formattedExactBelowAKibibyteAndWithOneDecimalAbove() {
        assertEquals("0 B", ByteSizes.format(0));
        assertEquals("1023 B", ByteSizes.format(1023));
        assertEquals("128.0 KiB", ByteSizes.format(128 * 1024));
        assertEquals("16.0 MiB", ByteSizes.format(16L << 20));
        assertEquals("10.2 GiB", ByteSizes.format(10_950_000_000L), "not 10442.9 MiB");
        assertEquals("8.0 EiB", ByteSizes.format(Long.MAX_VALUE));
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("1.5 MiB", ByteSizes.format(3L << 19), "a point whatever the locale, as parse reads it");
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertEquals(Optional.of(16L << 20), ByteSizes.parse(ByteSizes.format(16L << 20)), "what it writes reads back");
    }
}
