package org.syncline.protocol;

import org.syncline.core.HostPort;

/** Asks whoever is connecting whether to trust a server seen for the first time (like SSH's prompt). */
@FunctionalInterface
public interface FingerprintPrompt {
    boolean trustNewServer(HostPort server, String fingerprint);

    /** For scripts: trust on first use without asking, like SSH's accept-new. */
    FingerprintPrompt ACCEPT_NEW = (server, fingerprint) -> true;
}
