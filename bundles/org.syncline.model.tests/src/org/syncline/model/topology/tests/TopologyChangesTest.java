package org.syncline.model.topology.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.TransferMode;
import org.syncline.model.topology.compare.TopologyChanges;

class TopologyChangesTest {
    private final Deployment before = Fixtures.sample();
    private final Deployment after = EcoreUtil.copy(before);

    @Test
    void namesAddedMovedChangedAndRemovedElements() {
        Fixtures.server(Fixtures.group(after, "us", "web"), "web-4", 7443);
        Fixtures.group(after, "eu", "web").getServers().add(Fixtures.server(after, "db-1"));
        Fixtures.server(after, "web-2").setPort(8443);
        after.getRegions().get(1).getGroups().add(Fixtures.F.createGroup());
        after.getRegions().get(1).getGroups().get(1).setName("cache");
        Fixtures.route(after, Fixtures.server(after, "web-1"), Fixtures.server(after, "web-3"));
        after.getSameRegionPolicy().setTransferMode(TransferMode.WHOLE_FILE);
        assertEquals("added group us/cache, changed server web-2 (port), moved db-1 to group eu/web, added server web-4, "
                + "added route web-1 -> web-3, changed the same-region default policy", TopologyChanges.summary(before, after));
    }

    @Test
    void longListsAreCountedAndLayoutOnlyChangesSaidSo() {
        assertEquals("no change", TopologyChanges.summary(before, after));
        Fixtures.server(after, "web-1").setX(200);
        assertEquals("changed the diagram layout", TopologyChanges.summary(before, after));
        for (int i = 0; i < 9; i++) {
            Fixtures.server(Fixtures.group(after, "eu", "db"), "n" + i, 7443);
        }
        assertEquals("added server n0, added server n1, added server n2, added server n3, added server n4, added server n5 and 3 more changes",
                TopologyChanges.summary(before, after));
    }
}
