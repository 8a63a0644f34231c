package org.syncline.distribution.routing;

/**
 * One link of a planned tree: {@code from} sends to {@code to} by the policy of that link in the topology
 * ({@code delta} or {@code whole} file, zstd level 0-9, bandwidth cap in bytes per second, 0 for none).
 * Every link runs over TLS.
 */
public record Hop(String from, String to, String mode, int compression, long bandwidthLimit) {
    public static final String DELTA = "delta";
    public static final String WHOLE = "whole";
}
