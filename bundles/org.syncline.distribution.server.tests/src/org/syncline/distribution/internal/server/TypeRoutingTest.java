package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.syncline.core.SynclineException;
import org.syncline.distribution.routing.Hop;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.distribution.routing.TypeRouting;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;

class TypeRoutingTest {
    private static final TopologyFactory F = TopologyFactory.eINSTANCE;
    /** src -> fwd (no tags) -> img-1 (images) -> img-2 (images); fwd -> plain (no tags); src -> vid (video, images). */
    private static final RoutePlan PLAN = new RoutePlan("src", List.of(hop("src", "fwd"), hop("src", "vid"), hop("fwd", "img-1"),
            hop("fwd", "plain"), hop("img-1", "img-2")), List.of());

    private static Hop hop(String from, String to) {
        return new Hop(from, to, Hop.DELTA, 6, 0);
    }

    private static Deployment topology() {
        Deployment d = F.createDeployment();
        for (String name : List.of("src", "fwd", "img-1", "img-2", "plain", "vid")) {
            Server s = F.createServer();
            s.setName(name);
            if (name.startsWith("img")) {
                s.getTags().add("images");
            }
            if (name.equals("vid")) {
                s.getTags().addAll(List.of("video", "images"));
            }
            d.getUnassigned().add(s);
        }
        return d;
    }

    private static List<String> receivers(TypeRouting r, String path) {
        return PLAN.receivers().stream().filter(s -> r.takes(s, path)).sorted().collect(Collectors.toList());
    }

    @Test
    void aTypedFileGoesOnlyToServersCarryingOneOfItsTagsAndAnUntypedOneEverywhere() {
        TypeRouting r = new TypeRouting(Map.of("*.jpg", "images", "*.mpg", "video"), topology());
        assertEquals(List.of("img-1", "img-2", "vid"), receivers(r, "a/b/photo.jpg"));
        assertEquals(List.of("vid"), receivers(r, "clip.mpg"));
        assertEquals(List.of("fwd", "img-1", "img-2", "plain", "vid"), receivers(r, "readme.txt"));
        assertFalse(r.takes("unknown-server", "x.jpg"), "a server not in the topology carries no tags");
        assertTrue(r.takes("unknown-server", "x.txt"));
    }

    @Test
    void withoutTypeTagsEveryReceiverTakesEveryFile() {
        TypeRouting r = new TypeRouting(Map.of(), topology());
        assertEquals(PLAN.receivers().stream().sorted().toList(), receivers(r, "photo.jpg"));
    }

    @Test
    void aReceiverBehindAServerThatDoesNotTakeAFileGetsItFromTheNearestAncestorHoldingIt() {
        TypeRouting r = new TypeRouting(Map.of("*.jpg", "images"), topology());
        String jpg = "photo.jpg";
        // fwd does not take jpg: img-1 gets it straight from the source, around fwd; img-2 from its images parent
        assertEquals("src", TypeRouting.senderFor(PLAN, "img-1", s -> r.takes(s, jpg)));
        assertEquals("img-1", TypeRouting.senderFor(PLAN, "img-2", s -> r.takes(s, jpg)));
        // an untyped file takes the tree as planned
        assertEquals("fwd", TypeRouting.senderFor(PLAN, "img-1", s -> r.takes(s, "a.txt")));
        assertEquals("fwd", TypeRouting.senderFor(PLAN, "plain", s -> r.takes(s, "a.txt")));
        // an ancestor that took the file but failed it is passed over as well
        assertEquals("src", TypeRouting.senderFor(PLAN, "img-2", s -> false));
        assertEquals("src", TypeRouting.senderFor(PLAN, "vid", s -> true));
    }

    @Test
    void aTagThatIsNoWordIsRefused() {
        Deployment d = topology();
        SynclineException e = assertThrows(SynclineException.class, () -> new TypeRouting(Map.of("*.jpg", "two words"), d));
        assertTrue(e.getMessage().contains("is not a tag for pattern '*.jpg'"), e.getMessage());
    }
}
