package org.syncline.server.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.server.api.Capability;

/**
 * The capabilities this process runs: those serving every server, and those serving a role the process
 * holds. Each gets its schema migrated, then is started; they stop in reverse order.
 */
public final class RunningCapabilities implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RunningCapabilities.class.getName());

    private record Started(String name, AutoCloseable handle) {
    }

    private final List<Started> started;

    private RunningCapabilities(List<Started> started) {
        this.started = started;
    }

    /** Which of {@code installed} a process holding {@code roles} runs, by name. */
    public static List<Capability> chosen(List<Capability> installed, Set<String> roles) {
        Set<String> names = new HashSet<>();
        List<Capability> chosen = new ArrayList<>();
        for (Capability c : installed.stream().sorted(Comparator.comparing(Capability::name)).toList()) {
            if (!names.add(c.name())) {
                throw new SynclineException(ErrorCode.CONFIG, "Two installed bundles both provide the capability '" + c.name()
                        + "'; uninstall one of them.");
            }
            if (c.roles().isEmpty() || !Collections.disjoint(c.roles(), roles)) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    public static RunningCapabilities start(List<Capability> installed, ServerContextFactory contexts) {
        List<Capability> chosen = chosen(installed, contexts.roles());
        Set<String> served = new HashSet<>();
        chosen.forEach(c -> served.addAll(c.roles()));
        for (String role : contexts.roles()) {
            if (!served.contains(role)) {
                LOG.info(() -> "No installed capability serves the role '" + role + "' yet");
            }
        }
        RunningCapabilities running = new RunningCapabilities(new ArrayList<>());
        for (Capability c : chosen) {
            try {
                if (!c.migrations().isEmpty()) {
                    contexts.database().migrate(c.name(), c.migrations());
                }
                running.started.add(new Started(c.name(), c.start(contexts.contextFor(c))));
                LOG.info(() -> "Started capability '" + c.name() + "'");
            } catch (SynclineException e) {
                running.close();
                throw e;
            } catch (Exception e) {
                running.close();
                throw new SynclineException(ErrorCode.INTERNAL, "The capability '" + c.name() + "' failed to start: " + e.getMessage(), e);
            }
        }
        return running;
    }

    public List<String> names() {
        return started.stream().map(Started::name).toList();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Started s = started.get(i);
            try {
                s.handle().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Capability '" + s.name() + "' did not stop cleanly", e);
            }
        }
        started.clear();
    }
}
