package org.syncline.cli.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.syncline.cli.Cli;

/** The headless client application behind {@code syncline cli}. */
public final class CliApplication implements IApplication {
    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        int code = new Cli(System.out, System.err, System.getenv()).run(args == null ? new String[0] : args);
        System.out.flush();
        return code;
    }

    @Override
    public void stop() {
        // a CLI command ends by itself
    }
}
