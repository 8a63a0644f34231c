package org.syncline.model.topology.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.NamedElement;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.RouteEnd;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyPackage;
import org.syncline.model.topology.query.Elements;

/**
 * The rules a topology must keep before the master accepts it. Element rules (ports, weights, names, route
 * ends, compression) run per element; rules about the whole (unique names, duplicate routes, reachability)
 * run once on the deployment. Each diagnostic starts with the element it is about. A server cannot be in two
 * groups: containment makes that impossible, so no rule is needed for it.
 */
public final class TopologyValidator implements EValidator {
    public static final String SOURCE = "org.syncline.model.topology";
    public static final TopologyValidator INSTANCE = new TopologyValidator();
    private static final String NAME = "[A-Za-z0-9._-]{1,64}";

    private TopologyValidator() {
    }

    /** Registers the validator for the topology package, so every Diagnostician and editor runs it. */
    public static void register() {
        EValidator.Registry.INSTANCE.put(TopologyPackage.eINSTANCE, INSTANCE);
    }

    @Override
    public boolean validate(EObject o, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return validate(o.eClass(), o, diagnostics, context);
    }

    @Override
    public boolean validate(EClass eClass, EObject o, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Problems p = new Problems(diagnostics);
        if (o instanceof NamedElement n && !(o instanceof Deployment) && (n.getName() == null || !n.getName().matches(NAME))) {
            p.error(o, "the name '" + (n.getName() == null ? "" : n.getName())
                    + "' is not 1-64 letters, digits, '.', '_' or '-'");
        }
        switch (o) {
            case Server s -> server(s, p);
            case LinkPolicy l -> policy(l, p);
            case Route r -> route(r, p);
            case Deployment d -> new DeploymentRules(d, p).check();
            default -> {
                // regions and groups have only the name rule and the rules on the deployment
            }
        }
        return p.valid();
    }

    @Override
    public boolean validate(EDataType type, Object value, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return true;
    }

    private static void server(Server s, Problems p) {
        if (s.getHost() == null || s.getHost().isBlank()) {
            p.error(s, "a host is required");
        }
        if (s.getPort() < 1 || s.getPort() > 65535) {
            p.error(s, "port " + s.getPort() + " is outside 1-65535");
        }
        if (s.getWeight() <= 0) {
            p.error(s, "weight " + s.getWeight() + " must be more than 0");
        }
    }

    private static void policy(LinkPolicy l, Problems p) {
        if (l.getCompression() < 0 || l.getCompression() > 9) {
            p.error(l, "compression " + l.getCompression() + " is outside 0-9");
        }
        if (l.getBandwidthLimit() < 0) {
            p.error(l, "bandwidth cap " + l.getBandwidthLimit() + " must be 0 (unlimited) or more bytes/s");
        }
    }

    private static void route(Route r, Problems p) {
        if (r.getFrom() == null || r.getTo() == null) {
            p.error(r, "both ends must be set");
            return;
        }
        Deployment d = Elements.deploymentOf(r);
        for (RouteEnd end : List.of(r.getFrom(), r.getTo())) {
            if (end.eIsProxy() || Elements.deploymentOf(end) != d) {
                p.error(r, "its end '" + Elements.endName(end) + "' is not part of this deployment");
                return;
            }
            if (end instanceof Server s && s.getGroup() == null) {
                p.error(r, "server '" + s.getName() + "' is unassigned; place it in a group first");
            }
        }
        if (r.getFrom() == r.getTo()) {
            p.error(r, "a route cannot lead from an element to itself");
        }
    }

    /** The rules about the deployment as a whole. */
    private record DeploymentRules(Deployment d, Problems p) {
        void check() {
            unique(d.getRegions(), "another region of the deployment has this name");
            for (Region r : d.getRegions()) {
                unique(r.getGroups(), "another group of region '" + r.getName() + "' has this name");
            }
            uniqueServers();
            duplicateRoutes();
            new Reachability(d, p).check();
        }

        private void unique(List<? extends NamedElement> elements, String message) {
            Set<String> seen = new HashSet<>();
            for (NamedElement e : elements) {
                if (e.getName() != null && !seen.add(e.getName())) {
                    p.error(e, message);
                }
            }
        }

        private void uniqueServers() {
            Map<String, Server> seen = new HashMap<>();
            for (Server s : Elements.servers(d)) {
                Server first = s.getName() == null ? null : seen.putIfAbsent(s.getName(), s);
                if (first != null) {
                    p.error(s, "another server of the deployment (" + Elements.label(first).replaceFirst("^Server '[^']*' ", "")
                            + ") has this name");
                }
            }
        }

        private void duplicateRoutes() {
            Set<List<RouteEnd>> seen = new HashSet<>();
            for (Route r : d.getRoutes()) {
                if (r.getFrom() != null && r.getTo() != null && !seen.add(List.of(r.getFrom(), r.getTo()))) {
                    p.error(r, "a route between the same ends in the same direction already exists");
                }
            }
        }
    }

    /** Collects diagnostics that name their element. */
    static final class Problems {
        private final DiagnosticChain chain;
        private boolean valid = true;

        Problems(DiagnosticChain chain) {
            this.chain = chain;
        }

        void error(EObject o, String message) {
            add(Diagnostic.ERROR, o, message);
            valid = false;
        }

        void warning(EObject o, String message) {
            add(Diagnostic.WARNING, o, message);
        }

        private void add(int severity, EObject o, String message) {
            if (chain != null) {
                chain.add(new BasicDiagnostic(severity, SOURCE, 0, Elements.label(o) + ": " + message, new Object[] { o }));
            }
        }

        boolean valid() {
            return valid;
        }
    }
}
