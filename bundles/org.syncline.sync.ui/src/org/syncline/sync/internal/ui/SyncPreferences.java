package org.syncline.sync.internal.ui;

import java.time.Duration;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.syncline.sync.internal.engine.EngineSettings;
import org.syncline.ui.Formats;

/**
 * How this workbench's sync engines run, as the user set it on the Sync preference page (the workbench's
 * counterpart of {@code sync-agent --up-limit/--down-limit/--rescan}): bandwidth limits in KiB/s (0: none), the
 * period of the full rescan that catches what the watcher missed, and how many transfers run side by side. Kept in
 * the workbench's instance preferences; a change restarts the running engines with it ({@link SyncPairs}).
 */
public final class SyncPreferences {
    public static final String NODE = "org.syncline.sync.ui";
    public static final String UPLOAD_LIMIT_KIB = "upload-limit-kib";
    public static final String DOWNLOAD_LIMIT_KIB = "download-limit-kib";
    public static final String RESCAN_MINUTES = "rescan-minutes";
    public static final String PARALLEL = "parallel-transfers";

    /** Largest limit the page takes: 1 GiB/s (beyond it a limit limits nothing on today's links). */
    static final int MAX_LIMIT_KIB = 1024 * 1024;
    static final int MAX_RESCAN_MINUTES = 24 * 60;
    static final int MAX_PARALLEL = 16;

    private SyncPreferences() {
    }

    static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    static int defaultOf(String key) {
        EngineSettings d = EngineSettings.defaults();
        return switch (key) {
            case UPLOAD_LIMIT_KIB -> (int) (d.uploadLimit() / 1024);
            case DOWNLOAD_LIMIT_KIB -> (int) (d.downloadLimit() / 1024);
            case RESCAN_MINUTES -> (int) d.rescan().toMinutes();
            case PARALLEL -> d.parallel();
            default -> throw new IllegalArgumentException(key);
        };
    }

    /**
     * The settings new engines get. A stored value out of the page's range (the preference file edited by hand) is
     * taken as the nearest value the page allows, never as a negative limit or no transfers at all.
     */
    public static EngineSettings current() {
        IEclipsePreferences p = node();
        EngineSettings d = EngineSettings.defaults();
        long up = 1024L * clamp(p.getInt(UPLOAD_LIMIT_KIB, defaultOf(UPLOAD_LIMIT_KIB)), 0, MAX_LIMIT_KIB);
        long down = 1024L * clamp(p.getInt(DOWNLOAD_LIMIT_KIB, defaultOf(DOWNLOAD_LIMIT_KIB)), 0, MAX_LIMIT_KIB);
        int rescan = clamp(p.getInt(RESCAN_MINUTES, defaultOf(RESCAN_MINUTES)), 1, MAX_RESCAN_MINUTES);
        int parallel = clamp(p.getInt(PARALLEL, defaultOf(PARALLEL)), 1, MAX_PARALLEL);
        return new EngineSettings(Duration.ofMinutes(rescan), d.debounce(), up, down, parallel);
    }

    /** What the Sync Folders view says of the limits in force, or "" when there are none. */
    static String describeLimits(EngineSettings s) {
        StringBuilder b = new StringBuilder();
        if (s.uploadLimit() > 0) {
            b.append("upload limited to ").append(Formats.size(s.uploadLimit())).append("/s");
        }
        if (s.downloadLimit() > 0) {
            b.append(b.isEmpty() ? "" : ", ").append("download limited to ").append(Formats.size(s.downloadLimit())).append("/s");
        }
        return b.toString();
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
