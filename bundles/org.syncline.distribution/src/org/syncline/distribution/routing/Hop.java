package org.syncline.distribution.routing;

/**
 * One link of a planned tree: {@code from} sends to {@code to} by the policy of that link in the topology
 * ({@code delta} or {@code whole} file, compression level 0-9, bandwidth cap in bytes per second, 0 for none,
 * {@code codec} {@code deflate} or {@code zstd}). Every link runs over TLS.
 */
public record Hop(String from, String to, String mode, int compression, long bandwidthLimit, String codec) {
    public static final String DELTA = "delta";
    public static final String WHOLE = "whole";
    public static final String DEFLATE = "deflate";
    public static final String ZSTD = "zstd";

    public Hop {
        codec = codec == null || codec.isEmpty() ? DEFLATE : codec;
    }

    /** A deflate hop. */
    public Hop(String from, String to, String mode, int compression, long bandwidthLimit) {
        this(from, to, mode, compression, bandwidthLimit, DEFLATE);
    }
}
