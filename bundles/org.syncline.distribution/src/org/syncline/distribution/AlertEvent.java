package org.syncline.distribution;

/** What the master tells every channel: an alert was {@code raised} or {@code cleared}. */
public record AlertEvent(String event, Alert alert) {
    public static final String RAISED = "raised";
    public static final String CLEARED = "cleared";
}
