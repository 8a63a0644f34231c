package org.syncline.distribution.internal.ui.diagram;

import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.TransferMode;

/**
 * A link policy in a few characters, as a route's label: "delta z6", "whole zstd9 1 MB/s". Every link is TLS, so
 * the label does not say it (the model's {@code tls} attribute, from earlier versions, is ignored).
 */
public final class PolicyLabel {
    private PolicyLabel() {
    }

    public static String of(LinkPolicy p) {
        String s = (p.getTransferMode() == TransferMode.WHOLE_FILE ? "whole" : "delta") + (p.getCodec() == org.syncline.model.topology.Codec.ZSTD ? " zstd" : " z") + p.getCompression();
        long cap = p.getBandwidthLimit();
        if (cap > 0) {
            s += " " + rate(cap);
        }
        return s;
    }

    private static String rate(long bytesPerSecond) {
        if (bytesPerSecond >= 1_000_000) {
            return trim(bytesPerSecond / 1_000_000.0) + " MB/s";
        }
        if (bytesPerSecond >= 1_000) {
            return trim(bytesPerSecond / 1_000.0) + " kB/s";
        }
        return bytesPerSecond + " B/s";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v);
    }
}
