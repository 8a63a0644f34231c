package org.syncline.server.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.syncline.server.api.Capability;

/**
 * Every {@link Capability} the installed bundles offer as Declarative Services components. Their bundles
 * are lazily activated, and SCR registers their components synchronously as the framework starts them, so
 * by the time the application runs every installed capability is in the registry.
 */
final class InstalledCapabilities {
    private InstalledCapabilities() {
    }

    static List<Capability> find(BundleContext context) {
        List<Capability> found = new ArrayList<>();
        try {
            for (ServiceReference<Capability> ref : context.getServiceReferences(Capability.class, null)) {
                Capability c = context.getService(ref);
                if (c != null) {
                    found.add(c);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter is given
        }
        return found;
    }
}
