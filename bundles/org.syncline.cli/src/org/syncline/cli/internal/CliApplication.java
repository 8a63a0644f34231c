package org.syncline.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.syncline.cli.SynclineCli;
import org.syncline.cli.api.CommandGroup;

/** The headless client application behind {@code syncline cli}: every installed command group, then run. */
public final class CliApplication implements IApplication {
    @Override
    public Object start(IApplicationContext context) throws InvalidSyntaxException {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        BundleContext bundles = FrameworkUtil.getBundle(getClass()).getBundleContext();
        List<CommandGroup> groups = new ArrayList<>();
        for (ServiceReference<CommandGroup> ref : bundles.getServiceReferences(CommandGroup.class, null)) {
            CommandGroup g = bundles.getService(ref);
            if (g != null) {
                groups.add(g);
            }
        }
        int code = new SynclineCli(System.out, System.err, System.getenv(), groups).run(args == null ? new String[0] : args);
        System.out.flush();
        return code;
    }

    @Override
    public void stop() {
        // a CLI command ends by itself
    }
}
