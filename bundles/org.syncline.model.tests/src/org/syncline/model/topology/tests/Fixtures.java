package org.syncline.model.topology.tests;

import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.RouteEnd;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.TransferMode;

/** Small deployments to test with: regions eu and us, groups eu/web, eu/db, us/web. */
final class Fixtures {
    static final TopologyFactory F = TopologyFactory.eINSTANCE;

    private Fixtures() {
    }

    /** Two regions, three groups, four servers, all linked by the three default policies. */
    static Deployment sample() {
        Deployment d = F.createDeployment();
        d.setName("prod");
        Region eu = region(d, "eu");
        Region us = region(d, "us");
        Group euWeb = group(eu, "web");
        Group euDb = group(eu, "db");
        Group usWeb = group(us, "web");
        server(euWeb, "web-1", 7443);
        server(euWeb, "web-2", 7443);
        server(euDb, "db-1", 7443);
        server(usWeb, "web-3", 7443);
        d.setSameGroupPolicy(policy(TransferMode.DELTA, 1, true, 0));
        d.setSameRegionPolicy(policy(TransferMode.DELTA, 3, true, 0));
        d.setBetweenRegionsPolicy(policy(TransferMode.DELTA, 9, true, 1_000_000));
        return d;
    }

    static Region region(Deployment d, String name) {
        Region r = F.createRegion();
        r.setName(name);
        d.getRegions().add(r);
        return r;
    }

    static Group group(Region r, String name) {
        Group g = F.createGroup();
        g.setName(name);
        r.getGroups().add(g);
        return g;
    }

    static Server server(Group g, String name, int port) {
        Server s = F.createServer();
        s.setName(name);
        s.setHost(name + ".example.org");
        s.setPort(port);
        g.getServers().add(s);
        return s;
    }

    static LinkPolicy policy(TransferMode mode, int compression, boolean tls, long bandwidth) {
        LinkPolicy p = F.createLinkPolicy();
        p.setTransferMode(mode);
        p.setCompression(compression);
        p.setTls(tls);
        p.setBandwidthLimit(bandwidth);
        return p;
    }

    static Route route(Deployment d, RouteEnd from, RouteEnd to) {
        Route r = F.createRoute();
        r.setFrom(from);
        r.setTo(to);
        d.getRoutes().add(r);
        return r;
    }

    static Group group(Deployment d, String region, String group) {
        return d.getRegions().stream().filter(r -> r.getName().equals(region)).findFirst().orElseThrow().getGroups().stream()
                .filter(g -> g.getName().equals(group)).findFirst().orElseThrow();
    }

    static Server server(Deployment d, String name) {
        return org.syncline.model.topology.query.Elements.servers(d).stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }
}
