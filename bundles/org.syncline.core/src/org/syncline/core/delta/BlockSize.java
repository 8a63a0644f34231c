package org.syncline.core.delta;

/**
 * Block and strong-hash sizes chosen from the basis file's length the way rsync chooses them (generator.c,
 * sum_sizes_sqroot), so a delta costs what rsync's does for the same edits.
 */
public final class BlockSize {
    /** rsync's BLOCK_SIZE: the smallest block, also used for every file up to 700 x 700 bytes. */
    public static final int MIN = 700;
    /** rsync's MAX_BLOCK_SIZE for protocol 30 and later. */
    public static final int MAX = 128 * 1024;
    /** The most blocks a signature may have: 2 TiB at the largest block; bigger files travel whole. */
    public static final int MAX_BLOCKS = 1 << 24;
    /** SHA-256, the longest strong hash a signature may carry. */
    public static final int MAX_STRONG = 32;
    /** rsync's SHORT_SUM_LENGTH, the shortest. */
    public static final int MIN_STRONG = 2;
    private static final int BLOCKSUM_BIAS = 10;

    private BlockSize() {
    }

    /** About the square root of the length, a multiple of 8, between {@link #MIN} and {@link #MAX}. */
    public static int forLength(long length) {
        if (length <= (long) MIN * MIN) {
            return MIN;
        }
        long root = (long) Math.sqrt((double) length) & ~7L;
        return (int) Math.max(MIN, Math.min(MAX, root));
    }

    /**
     * Bytes of the truncated SHA-256 kept per block: enough bits that, together with the 32-bit weak sum, the
     * chance of any false block match in the whole file stays near 2^-10 (rsync's bias: 2 bits per doubling of
     * the length, one less per doubling of the block). That is safe because it is never the last line: the
     * patch checks the whole file's SHA-256 before it renames anything into place, and a file that fails it is
     * sent again with the full 32-byte hash ({@link Signature#of(java.nio.file.Path, int)}), so a false match
     * costs a retry, never a wrong file.
     */
    public static int strongLength(long length, int blockSize) {
        int b = BLOCKSUM_BIAS;
        for (long l = length; (l >>= 1) != 0;) {
            b += 2;
        }
        for (int c = blockSize; (c >>= 1) != 0 && b != 0;) {
            b--;
        }
        int bytes = (b + 1 - 32 + 7) / 8; // one bit more, less the weak sum's 32, rounded up
        return Math.max(MIN_STRONG, Math.min(16, bytes));
    }
}
