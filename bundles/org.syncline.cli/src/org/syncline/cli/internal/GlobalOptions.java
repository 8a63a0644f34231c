package org.syncline.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.syncline.cli.api.ExitCodes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The options every command takes. They stand before the command words, since a command may have options
 * of the same name (user add --password-file is the new user's); only --json may also follow.
 */
@Command(name = "syncline cli", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Talks to a Syncline server. Credentials can also come from SYNCLINE_SERVER, SYNCLINE_USER, SYNCLINE_PASSWORD;"
                + " a new server's fingerprint from SYNCLINE_TRUST_FINGERPRINT, the answer timeout from SYNCLINE_TIMEOUT.",
        footer = { "", "Exit codes: 0 ok, 1 failed, 2 usage, 3 login refused, 4 server unreachable or untrusted.",
                "Global options stand before the command; --json may also follow it.",
                "'syncline cli COMMAND --help' describes each command." })
public final class GlobalOptions implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "HOST:PORT", description = "the server (default port 7443)")
    public String server;

    @Option(names = "--user", paramLabel = "NAME", description = "log in as NAME")
    public String user;

    @Option(names = "--password-file", paramLabel = "F", description = "file whose first line is the password")
    public Path passwordFile;

    @Option(names = "--trust-fingerprint", paramLabel = "FP",
            description = "trust a server seen for the first time if its certificate has this SHA-256 fingerprint")
    public String trustFingerprint;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "how long to wait for the server (each answer, and its TLS handshake: at least 10s there), e.g. 90s, 5m (default 30s; or SYNCLINE_TIMEOUT)")
    public String timeout;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print one JSON document")
    public boolean json;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
