package org.syncline.distribution.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Connection;

/**
 * The master asks an agent for a scan's answer as a stream ({@link DistributionMessages#CONTENT_SCAN_STREAM}): a
 * listing of a large folder is more than one reply carries. An agent that does not know the stream is asked with
 * {@link DistributionMessages#CONTENT_SCAN}.
 */
final class ScanRequest {
    /** The largest answer the master reads: a listing of some 3 million files. */
    static final int MAX_ANSWER = 512 * 1024 * 1024;

    private ScanRequest() {
    }

    static JsonObject ask(Connection agent, Map<String, Object> body) {
        Bounded answer = new Bounded();
        try {
            agent.download(DistributionMessages.CONTENT_SCAN_STREAM, body, answer);
        } catch (SynclineException e) {
            if (e.code() != ErrorCode.BAD_REQUEST) {
                throw e;
            }
            // an agent of an earlier release: "does not know the message type"; its answer is one reply
            return agent.request(DistributionMessages.CONTENT_SCAN, body);
        }
        return JsonObject.parse(answer.text());
    }

    /** Holds the answer; more than {@link #MAX_ANSWER} bytes end the download. */
    private static final class Bounded extends OutputStream {
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            held.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            held.write(b);
        }

        private void check(int more) throws IOException {
            if (held.size() + (long) more > MAX_ANSWER) {
                throw new IOException("a scan answer of more than " + MAX_ANSWER + " bytes is refused");
            }
        }

        String text() {
            return held.toString(StandardCharsets.UTF_8);
        }
    }
}
