package org.syncline.cli.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import picocli.CommandLine.IVersionProvider;

/** The CLI's version is its bundle's. */
public final class CliVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Bundle b = FrameworkUtil.getBundle(CliVersion.class);
        return new String[] { "syncline cli " + (b == null ? "(development)" : b.getVersion().toString()) };
    }
}
