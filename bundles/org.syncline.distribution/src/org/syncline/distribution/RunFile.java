package org.syncline.distribution;

/**
 * A target's report of one file in a run: the target, the server it received from, the path below the target
 * path, the operation ({@code create}, {@code update}, {@code delete}; {@code unchanged} when it had that version
 * already), the SHA-256 it now holds (empty after a delete or a failure), bytes of content and on the wire, and
 * the error of a failed file (empty when it worked).
 */
public record RunFile(String server, String from, String path, String operation, String sha256, long contentBytes, long wireBytes,
        String error) {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String UNCHANGED = "unchanged";

    public RunFile {
        from = from == null ? "" : from;
        sha256 = sha256 == null ? "" : sha256;
        error = error == null ? "" : error;
    }
}
