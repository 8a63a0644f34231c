package org.syncline.distribution;

/**
 * What one target got in a run: the server it received from ({@code from}: its parent in the planned tree),
 * {@code state} ({@code ok}, {@code failed}, or {@code left out}: not live when the run was planned, so out of
 * date for this job), the files it took (created, updated or deleted), their bytes of content, the bytes that
 * travelled to it, and the first error.
 */
public record RunTarget(String server, String from, String state, long files, long contentBytes, long wireBytes, String error) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String LEFT_OUT = "left out";

    public RunTarget {
        from = from == null ? "" : from;
        error = error == null ? "" : error;
    }
}
