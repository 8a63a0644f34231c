package org.syncline.sharing.host;

/**
 * Figures of a running {@link HostSession} for a status line.
 *
 * @param framesSent updates sent to the relay (empty updates are never sent)
 * @param bytesSent their encoded bytes
 * @param bytesPerSecond the upload rate over the last second or so
 * @param viewers viewers in the room now
 * @param inputInjected token holder's events that reached the window
 * @param inputDropped events that did not (no token at that moment, outside the window, not focused, ...)
 */
public record HostProgress(long framesSent, long bytesSent, long bytesPerSecond, int viewers, long inputInjected,
        long inputDropped) {
}
