package org.syncline.model.topology.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TransferMode;
import org.syncline.model.topology.validation.TopologyValidation;

/** One passing and one failing case per rule; the failing case asserts the whole message. */
class TopologyValidatorTest {
    private final Deployment d = Fixtures.sample();

    private List<String> errors() {
        return TopologyValidation.validate(d).errors();
    }

    private List<String> warnings() {
        return TopologyValidation.validate(d).warnings();
    }

    private void assertOnly(String error) {
        assertEquals(List.of(error), errors());
    }

    @Test
    void theSampleIsValid() {
        assertTrue(TopologyValidation.validate(d).ok(), errors().toString());
        assertEquals(List.of(), warnings());
    }

    @Test
    void portsAreFrom1To65535() {
        Server web1 = Fixtures.server(d, "web-1");
        web1.setPort(65535);
        assertEquals(List.of(), errors());
        web1.setPort(70000);
        assertOnly("Server 'web-1' in group 'eu/web': port 70000 is outside 1-65535");
        web1.setPort(0);
        assertOnly("Server 'web-1' in group 'eu/web': port 0 is outside 1-65535");
    }

    @Test
    void weightIsMoreThanZero() {
        Server db1 = Fixtures.server(d, "db-1");
        db1.setWeight(4);
        assertEquals(List.of(), errors());
        db1.setWeight(0);
        assertOnly("Server 'db-1' in group 'eu/db': weight 0 must be more than 0");
    }

    @Test
    void aServerNeedsAHost() {
        Fixtures.server(d, "web-3").setHost(" ");
        assertOnly("Server 'web-3' in group 'us/web': a host is required");
    }

    @Test
    void compressionIsFrom0To9AndTheBandwidthCapNotNegative() {
        Route r = Fixtures.route(d, Fixtures.server(d, "web-1"), Fixtures.server(d, "web-3"));
        r.setPolicy(Fixtures.policy(TransferMode.WHOLE_FILE, 9, false, 0));
        assertEquals(List.of(), errors());
        r.getPolicy().setCompression(12);
        assertOnly("The policy of route web-1 -> web-3: compression 12 is outside 0-9");
        r.getPolicy().setCompression(0);
        d.getSameGroupPolicy().setBandwidthLimit(-1);
        assertOnly("The same-group default policy: bandwidth cap -1 must be 0 (unlimited) or more bytes/s");
    }

    @Test
    void namesAreLettersDigitsDotsDashesAndUnderscores() {
        Fixtures.server(d, "web-2").setName("web_2.b");
        assertEquals(List.of(), errors());
        Fixtures.group(d, "eu", "db").setName("d b");
        assertOnly("Group 'eu/d b': the name 'd b' is not 1-64 letters, digits, '.', '_' or '-'");
    }

    @Test
    void regionNamesAreUniqueInTheDeployment() {
        d.getRegions().get(1).setName("ap");
        assertEquals(List.of(), errors());
        d.getRegions().get(1).setName("eu");
        assertOnly("Region 'eu': another region of the deployment has this name");
    }

    @Test
    void groupNamesAreUniqueInTheirRegionOnly() {
        assertEquals("web", Fixtures.group(d, "us", "web").getName(), "the same group name in two regions is fine");
        assertEquals(List.of(), errors());
        Fixtures.group(d, "eu", "db").setName("web");
        assertOnly("Group 'eu/web': another group of region 'eu' has this name");
    }

    @Test
    void serverNamesAreUniqueAcrossTheDeploymentAndThePool() {
        Server s = Fixtures.F.createServer();
        s.setName("web-9");
        s.setHost("h");
        d.getUnassigned().add(s);
        assertEquals(List.of(), errors());
        s.setName("db-1");
        assertOnly("Server 'db-1' (unassigned): another server of the deployment (in group 'eu/db') has this name");
    }

    @Test
    void aRouteHasBothEnds() {
        Route r = Fixtures.route(d, Fixtures.server(d, "web-1"), null);
        assertOnly("Route web-1 -> ?: both ends must be set");
        r.setTo(Fixtures.server(d, "db-1"));
        assertEquals(List.of(), errors());
    }

    @Test
    void aRouteStaysInsideItsDeployment() {
        Deployment other = Fixtures.sample();
        Fixtures.route(d, Fixtures.server(d, "web-1"), Fixtures.server(other, "db-1"));
        assertOnly("Route web-1 -> db-1: its end 'db-1' is not part of this deployment");
    }

    @Test
    void aRouteEndIsPlacedInAGroup() {
        Server web2 = Fixtures.server(d, "web-2");
        Fixtures.route(d, Fixtures.server(d, "web-1"), web2);
        assertEquals(List.of(), errors());
        d.getUnassigned().add(web2);
        assertOnly("Route web-1 -> web-2: server 'web-2' is unassigned; place it in a group first");
    }

    @Test
    void aRouteDoesNotLeadToItself() {
        Group g = Fixtures.group(d, "eu", "web");
        Fixtures.route(d, g, g);
        assertOnly("Route eu/web -> eu/web: a route cannot lead from an element to itself");
    }

    @Test
    void aRouteIsNotDuplicatedButTheReverseDirectionIsAnotherRoute() {
        Server a = Fixtures.server(d, "web-1");
        Server b = Fixtures.server(d, "web-3");
        Fixtures.route(d, a, b);
        Fixtures.route(d, b, a);
        assertEquals(List.of(), errors());
        Fixtures.route(d, a, b);
        assertOnly("Route web-1 -> web-3: a route between the same ends in the same direction already exists");
    }

    @Test
    void withoutDefaultsEveryGroupMustBeReachedThroughRoutes() {
        d.setSameRegionPolicy(null);
        d.setBetweenRegionsPolicy(null);
        assertEquals(List.of(
                "Group 'eu/db': it cannot be reached from group 'eu/web' through routes or default policies; add a route between them or a default policy for their scope",
                "Group 'us/web': it cannot be reached from group 'eu/web' through routes or default policies; add a route between them or a default policy for their scope"),
                errors());
        Fixtures.route(d, Fixtures.server(d, "db-1"), Fixtures.group(d, "eu", "web"));
        Fixtures.route(d, Fixtures.group(d, "eu", "web"), Fixtures.group(d, "us", "web"));
        assertEquals(List.of(), errors(), "routes link groups whichever way they point");
    }

    @Test
    void aRegionWithoutARouteOutIsAWarningWhenNoBetweenRegionsDefaultExists() {
        d.setBetweenRegionsPolicy(null);
        Route euToUs = Fixtures.route(d, Fixtures.group(d, "eu", "web"), Fixtures.group(d, "us", "web"));
        assertEquals(List.of(), errors());
        assertEquals(List.of("Region 'us': no route leads out of it to another region, and there is no between-regions default policy"), warnings());
        Fixtures.route(d, euToUs.getTo(), euToUs.getFrom());
        assertEquals(List.of(), warnings());
        Region only = d.getRegions().get(0);
        d.getRegions().retainAll(List.of(only));
        d.getRoutes().clear();
        assertEquals(List.of(), warnings(), "one region needs no way out");
    }
}
