package org.syncline.distribution.routing;

import java.util.Set;
import java.util.TreeSet;

import org.syncline.distribution.Job;
import org.syncline.distribution.JobTarget;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.query.Elements;

/** The servers a job's targets stand for in a topology: a server, a group's, a region's, or those carrying a tag. */
public final class JobTargets {
    private JobTargets() {
    }

    /** Server names, sorted, without the job's source; a target that names nothing in {@code d} adds nothing. */
    public static Set<String> servers(Job job, Deployment d) {
        Set<String> out = new TreeSet<>();
        for (JobTarget t : job.targets()) {
            switch (t.kind()) {
                case JobTarget.SERVER -> Elements.servers(d).stream().map(Server::getName).filter(t.name()::equals).forEach(out::add);
                case JobTarget.GROUP -> Elements.groups(d).stream().filter(g -> Elements.path(g).equals(t.name()))
                        .forEach(g -> g.getServers().forEach(s -> out.add(s.getName())));
                case JobTarget.REGION -> d.getRegions().stream().filter(r -> t.name().equals(r.getName())).map(Region::getGroups)
                        .forEach(gs -> gs.stream().map(Group::getServers).forEach(ss -> ss.forEach(s -> out.add(s.getName()))));
                case JobTarget.TAG -> Elements.servers(d).stream().filter(s -> s.getTags().contains(t.name())).forEach(s -> out.add(s.getName()));
                default -> {
                    // the master refuses other kinds when the job is saved
                }
            }
        }
        out.remove(job.source());
        return out;
    }
}
