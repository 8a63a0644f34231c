package org.syncline.distribution;

/** Free and total bytes of the file system holding one watched path of an agent. */
public record DiskSpace(String path, long free, long total) {
    /** Percent of the file system in use, 0 when its size is unknown. */
    public double usedPercent() {
        return total <= 0 ? 0 : 100.0 * (total - free) / total;
    }
}
