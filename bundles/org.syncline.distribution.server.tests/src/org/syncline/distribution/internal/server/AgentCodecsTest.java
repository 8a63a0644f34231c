package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.routing.Hop;

class AgentCodecsTest {
    private final List<String> asked = new ArrayList<>();

    /** new-* agents read both codecs; old-* ones do not know the message (as agents from before zstd). */
    private List<String> answer(String agent) {
        asked.add(agent);
        if (agent.startsWith("old")) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "Unknown message type 'distribution.content.codecs'.");
        }
        if (agent.startsWith("gone")) {
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "No link to '" + agent + "'.");
        }
        return HopCompression.CODECS;
    }

    @Test
    void aZstdHopBetweenNewAgentsPassesAndEachAgentIsAskedOnce() {
        AgentCodecs codecs = new AgentCodecs(this::answer);
        assertNull(codecs.refusal(new Hop("new-1", "new-2", Hop.WHOLE, 3, 0, Hop.ZSTD)));
        assertNull(codecs.refusal(new Hop("new-2", "new-3", Hop.DELTA, 3, 0, Hop.ZSTD)));
        assertEquals(List.of("new-1", "new-2", "new-3"), asked);
    }

    @Test
    void anOldAgentOnEitherEndOfAZstdHopIsRefusedWithASentence() {
        AgentCodecs codecs = new AgentCodecs(this::answer);
        assertEquals("The link new-1 -> old-2 compresses with zstd, which 'old-2' does not read (an agent older than this master): "
                + "upgrade it, or set the link's codec to deflate.", codecs.refusal(new Hop("new-1", "old-2", Hop.DELTA, 6, 0, Hop.ZSTD)));
        assertEquals("The link old-2 -> new-3 compresses with zstd, which 'old-2' does not read (an agent older than this master): "
                + "upgrade it, or set the link's codec to deflate.", codecs.refusal(new Hop("old-2", "new-3", Hop.DELTA, 6, 0, Hop.ZSTD)));
    }

    @Test
    void deflateNeedsNoQuestionAndAnUnreachableAgentIsNoAnswer() {
        AgentCodecs codecs = new AgentCodecs(this::answer);
        assertNull(codecs.refusal(new Hop("old-1", "old-2", Hop.DELTA, 6, 0)));
        assertEquals(List.of(), asked, "every agent reads deflate");
        SynclineException e = assertThrows(SynclineException.class, () -> codecs.refusal(new Hop("new-1", "gone-2", Hop.DELTA, 6, 0, Hop.ZSTD)));
        assertEquals(ErrorCode.CONNECTION_FAILED, e.code(), "the run's failover handles a dead agent, not the codec check");
    }
}
