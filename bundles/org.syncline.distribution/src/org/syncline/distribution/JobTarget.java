package org.syncline.distribution;

/**
 * Where a job sends: every server of a {@code kind} ({@code server}, {@code group} as {@code region/group},
 * {@code region}, or {@code tag}: the servers carrying that data-type tag) named {@code name}, into {@code path}
 * (relative to each server's distribution root).
 */
public record JobTarget(String kind, String name, String path) {
    public static final String SERVER = "server";
    public static final String GROUP = "group";
    public static final String REGION = "region";
    public static final String TAG = "tag";

    /** {@code kind:name:path}, as the CLI takes and shows it. */
    public String describe() {
        return kind + ":" + name + ":" + path;
    }
}
