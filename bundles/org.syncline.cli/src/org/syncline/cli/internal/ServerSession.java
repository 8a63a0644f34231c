package org.syncline.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

import org.syncline.cli.api.CliContext;
import org.syncline.core.Durations;
import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.Names;
import org.syncline.core.PasswordFile;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.KnownServers;

/** The CLI's one connection, opened when a command first needs it, from the global options or the environment. */
public final class ServerSession implements CliContext, AutoCloseable {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private final GlobalOptions global;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private Connection connection;
    private char[] password;

    public ServerSession(GlobalOptions global, Map<String, String> env, PrintStream out, PrintStream err) {
        this.global = global;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized Connection connection() {
        if (connection == null) {
            String server = global.server != null ? global.server : env.get("SYNCLINE_SERVER");
            if (server == null) {
                throw usage("Say which server: --server HOST:PORT or SYNCLINE_SERVER.");
            }
            HostPort address = HostPort.parse(server);
            if (global.passwordFile != null) {
                password = PasswordFile.read(global.passwordFile);
            } else if (env.get("SYNCLINE_PASSWORD") != null) {
                password = env.get("SYNCLINE_PASSWORD").toCharArray();
            } else {
                throw usage("Give a password: --password-file F or SYNCLINE_PASSWORD.");
            }
            String fingerprint = global.trustFingerprint != null ? global.trustFingerprint : env.get("SYNCLINE_TRUST_FINGERPRINT");
            ConnectionSettings settings = new ConnectionSettings(address, user(), password, "syncline-cli", timeout(), false);
            connection = Connection.open(settings, KnownServers.forUser(), new TerminalTrust(fingerprint, System.console(), err));
        }
        return connection;
    }

    /** How long each request waits for its answer: --timeout, else SYNCLINE_TIMEOUT, else 30 s. */
    Duration timeout() {
        String given = global.timeout != null ? global.timeout : env.get("SYNCLINE_TIMEOUT");
        if (given == null) {
            return DEFAULT_TIMEOUT;
        }
        return Durations.parse(given).filter(d -> !d.isZero()).orElseThrow(() -> usage("The timeout is a duration such as 90s, 5m or 1h"
                + " (--timeout or SYNCLINE_TIMEOUT), not '" + Names.printable(given) + "'."));
    }

    @Override
    public String user() {
        return global.user != null ? global.user : env.getOrDefault("SYNCLINE_USER", System.getProperty("user.name"));
    }

    @Override
    public char[] loginPassword() {
        connection();
        return password.clone();
    }

    @Override
    public void print(Map<String, Object> json, String text) {
        out.println(global.json ? Json.pretty(json) : text);
    }

    @Override
    public void note(String text) {
        err.println(text);
    }

    @Override
    public java.io.OutputStream rawOutput() {
        if (global.json) {
            throw usage("--json prints its document on standard output: write the bytes to a file with -o PATH instead of '-'.");
        }
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
                check();
            }

            @Override
            public void flush() throws java.io.IOException {
                out.flush();
                check();
            }

            private void check() throws java.io.IOException {
                if (out.checkError()) { // a PrintStream keeps its failures to itself
                    throw new java.io.IOException("standard output was closed");
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static SynclineException usage(String message) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, message + " See 'syncline cli --help'.");
    }
}
