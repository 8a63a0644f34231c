package org.syncline.protocol.internal;

import java.nio.ByteBuffer;

/**
 * An encoded frame as its header and its body, unjoined: {@link TlsFilter} seals both into the same records,
 * so a 64 KiB DATA payload is never copied just to sit behind its 15-byte header.
 */
record FrameBuffers(ByteBuffer... parts) {
}
