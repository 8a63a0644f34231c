package org.syncline.distribution.internal.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.routing.Hop;

/**
 * The codecs the agents of one run read, asked once per agent ({@code distribution.content.codecs}); an agent
 * that does not know the message is older than zstd and reads deflate only.
 */
final class AgentCodecs {
    private final Function<String, List<String>> ask;
    private final Map<String, List<String>> known = new ConcurrentHashMap<>();

    /** @param ask sends {@code distribution.content.codecs} to the named agent and returns its answer's codecs */
    AgentCodecs(Function<String, List<String>> ask) {
        this.ask = ask;
    }

    /** Null when both ends of {@code hop} read its codec, else the sentence refusing the hop. */
    String refusal(Hop hop) {
        if (hop.codec().equals(Hop.DEFLATE)) {
            return null;
        }
        for (String end : List.of(hop.from(), hop.to())) {
            if (!of(end).contains(hop.codec())) {
                return "The link " + hop.from() + " -> " + hop.to() + " compresses with " + hop.codec() + ", which '" + end
                        + "' does not read (an agent older than this master): upgrade it, or set the link's codec to deflate.";
            }
        }
        return null;
    }

    private List<String> of(String agent) {
        List<String> c = known.get(agent);
        if (c != null) {
            return c;
        }
        try {
            c = ask.apply(agent);
        } catch (SynclineException e) {
            if (e.code() == ErrorCode.CONNECTION_FAILED || e.code() == ErrorCode.TIMEOUT) {
                throw e; // not an answer about codecs: the run's failover handles it
            }
            c = List.of(Hop.DEFLATE); // an agent that does not know the message
        }
        known.put(agent, List.copyOf(c));
        return c;
    }
}
