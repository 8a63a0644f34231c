package org.syncline.distribution.internal.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.syncline.core.json.Json;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.CapabilityEndpoint;

/**
 * Where raised and cleared alerts go: a push to every subscribed client at once, and each configured
 * outside channel (e-mail, webhook) through a queue of its own. A channel that fails is logged and tried
 * again later, with a growing pause (up to 10 minutes, for a day); nothing here blocks the evaluation.
 */
final class AlertChannels implements Consumer<AlertEvent> {
    static final int QUEUE_LIMIT = 10_000;
    private static final Logger LOG = Logger.getLogger(AlertChannels.class.getName());
    private static final Duration GIVE_UP = Duration.ofDays(1);
    private final CapabilityEndpoint endpoint;
    private final List<OutsideChannel> outside;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Delivery> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    /** E-mail or webhook: delivers one event or throws saying why not. */
    interface OutsideChannel {
        String name();

        void deliver(AlertEvent event) throws Exception;
    }

    private record Delivery(OutsideChannel channel, AlertEvent event, Instant first, int attempts, Instant next) {
    }

    AlertChannels(CapabilityEndpoint endpoint, List<OutsideChannel> outside, Clock clock) {
        this.endpoint = endpoint;
        this.outside = List.copyOf(outside);
        this.clock = clock;
    }

    @Override
    public void accept(AlertEvent event) {
        endpoint.publish(DistributionMessages.ALERTS_TOPIC, DistributionMessages.ALERT, Json.tree(event));
        for (OutsideChannel c : outside) {
            if (size.incrementAndGet() > QUEUE_LIMIT) {
                size.decrementAndGet();
                LOG.warning(() -> "The " + c.name() + " queue is full (" + QUEUE_LIMIT + "); alert " + event.alert().id() + " is not sent there");
                continue;
            }
            pending.add(new Delivery(c, event, clock.instant(), 0, clock.instant()));
        }
    }

    /** Tries every delivery that is due; run on the channels' own thread. */
    void deliverDue() {
        Instant now = clock.instant();
        for (int n = pending.size(); n > 0; n--) {
            Delivery d = pending.poll();
            if (d == null) {
                return;
            }
            if (d.next().isAfter(now)) {
                pending.add(d);
                continue;
            }
            try {
                d.channel().deliver(d.event());
                size.decrementAndGet();
            } catch (Exception e) {
                int attempts = d.attempts() + 1;
                if (now.isAfter(d.first().plus(GIVE_UP))) {
                    size.decrementAndGet();
                    LOG.warning(() -> "Giving up sending alert " + d.event().alert().id() + " by " + d.channel().name() + " after " + attempts
                            + " attempts: " + e.getMessage());
                    continue;
                }
                long pause = Math.min(600, 1L << Math.min(attempts, 10));
                LOG.warning(() -> "Sending alert " + d.event().alert().id() + " (" + d.event().event() + ") by " + d.channel().name()
                        + " failed: " + e.getMessage() + "; trying again in " + pause + " s");
                pending.add(new Delivery(d.channel(), d.event(), d.first(), attempts, now.plusSeconds(pause)));
            }
        }
    }
}
