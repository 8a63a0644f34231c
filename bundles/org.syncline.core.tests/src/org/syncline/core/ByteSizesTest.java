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
}
