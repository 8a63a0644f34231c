package org.syncline.model.topology.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TransferMode;
import org.syncline.model.topology.policy.LinkPolicies;
import org.syncline.model.topology.policy.LinkScope;

class LinkPoliciesTest {
    private final Deployment d = Fixtures.sample();
    private final Server web1 = Fixtures.server(d, "web-1");
    private final Server web2 = Fixtures.server(d, "web-2");
    private final Server db1 = Fixtures.server(d, "db-1");
    private final Server web3 = Fixtures.server(d, "web-3");

    @Test
    void withoutRoutesTheScopeDefaultApplies() {
        assertEquals(Optional.of(LinkScope.SAME_GROUP), LinkPolicies.scope(web1, web2));
        assertEquals(Optional.of(LinkScope.SAME_REGION), LinkPolicies.scope(web1, db1));
        assertEquals(Optional.of(LinkScope.BETWEEN_REGIONS), LinkPolicies.scope(web1, web3));
        assertSame(d.getSameGroupPolicy(), LinkPolicies.effective(web1, web2).orElseThrow());
        assertSame(d.getSameRegionPolicy(), LinkPolicies.effective(web1, db1).orElseThrow());
        assertSame(d.getBetweenRegionsPolicy(), LinkPolicies.effective(web1, web3).orElseThrow());
    }

    @Test
    void aRoutesOwnPolicyOverridesTheDefaultOnlyInItsDirection() {
        LinkPolicy fast = Fixtures.policy(TransferMode.WHOLE_FILE, 0, false, 0);
        Route r = Fixtures.route(d, web1, web3);
        r.setPolicy(fast);
        assertSame(fast, LinkPolicies.effective(r));
        assertSame(fast, LinkPolicies.effective(web1, web3).orElseThrow());
        assertSame(d.getBetweenRegionsPolicy(), LinkPolicies.effective(web3, web1).orElseThrow());
    }

    @Test
    void aRouteBetweenGroupsCoversTheirServers() {
        LinkPolicy slow = Fixtures.policy(TransferMode.DELTA, 9, true, 500);
        Fixtures.route(d, Fixtures.group(d, "eu", "db"), Fixtures.group(d, "us", "web")).setPolicy(slow);
        assertSame(slow, LinkPolicies.effective(db1, web3).orElseThrow());
    }

    @Test
    void aRouteWithoutPolicyTakesItsScopeDefaultElseTheBuiltInOne() {
        Route r = Fixtures.route(d, web1, db1);
        assertSame(d.getSameRegionPolicy(), LinkPolicies.effective(r));
        d.setSameRegionPolicy(null);
        LinkPolicy builtIn = LinkPolicies.effective(r);
        assertEquals(TransferMode.DELTA, builtIn.getTransferMode());
        assertEquals(6, builtIn.getCompression());
        assertTrue(builtIn.isTls());
        assertEquals(org.syncline.model.topology.Codec.DEFLATE, builtIn.getCodec(), "every agent reads deflate");
        assertEquals(0, builtIn.getBandwidthLimit());
    }

    @Test
    void nothingLinksEndsWithoutRouteOrDefaultOrAnUnassignedServer() {
        d.setBetweenRegionsPolicy(null);
        assertTrue(LinkPolicies.effective(web1, web3).isEmpty());
        d.getUnassigned().add(web2);
        assertTrue(LinkPolicies.scope(web1, web2).isEmpty());
        assertTrue(LinkPolicies.effective(web1, web2).isEmpty());
    }
}
