package org.syncline.distribution;

/**
 * What one target got in a run: the server it received from ({@code from}: its parent in the planned tree),
 * {@code state} ({@code ok}, {@code failed}, or {@code left out}: not live when the run was planned, so out of
 * date for this job), the files it took (created, updated or deleted), their bytes of content, the bytes that
 * travelled to it, and the first error (on an {@code ok} target: a note, such as that the master relayed its hop
 * because the target could not reach its parent directly).
 */
public record RunTarget(String server, String from, String state, long files, long contentBytes, long wireBytes, String error) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String LEFT_OUT = "left out";
    /** In a running run's pushes: planned, not reached yet. */
    public static final String PENDING = "pending";
    /** In a running run's pushes: receiving now. */
    public static final String RECEIVING = "receiving";
    /** Was live when planned but dropped during the run; the job is out of date on it until a later run reaches it. */
    public static final String OUT_OF_DATE = "out of date";

    public RunTarget {
        from = from == null ? "" : from;
        error = error == null ? "" : error;
    }
}
