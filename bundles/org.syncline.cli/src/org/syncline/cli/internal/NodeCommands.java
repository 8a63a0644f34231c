package org.syncline.cli.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.syncline.cli.api.CliContext;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.EnrollmentMessages;
import org.syncline.protocol.EnrollmentMessages.TokenInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code node}: enrollment tokens with which other servers (storage nodes, agents) join this one. The
 * server application answers these itself, whatever capabilities it runs; only admins may use them.
 */
@Command(name = "node", description = "Enrollment tokens for servers joining this one: token, tokens, revoke.", mixinStandardHelpOptions = true)
public final class NodeCommands {
    private static final Duration MAX_VALIDITY = Duration.ofDays(30);
    private final CliContext cli;

    public NodeCommands(CliContext cli) {
        this.cli = cli;
    }

    @Command(name = "token", description = "Create a single-use enrollment token; it is shown only this once.", mixinStandardHelpOptions = true)
    void token(@Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1h",
            description = "how long it stays valid: 30m, 24h, 7d (default: 1h, at most 30d)") String expires) {
        Duration valid = duration(expires);
        JsonObject answer = cli.connection().request(EnrollmentMessages.TOKEN_CREATE, Json.object("validForSeconds", valid.toSeconds()));
        TokenInfo info = Json.read(answer.object("info"), TokenInfo.class);
        Map<String, Object> doc = Json.object("token", answer.string("token"), "info", Json.tree(info));
        cli.print(doc, answer.string("token") + "\n(token " + info.id() + ", single-use, expires " + info.expires()
                + "; join with: syncline server --join " + cli.connection().settings().server() + " --token <token> ...)");
    }

    @Command(name = "tokens", description = "List enrollment tokens (never their secrets).", mixinStandardHelpOptions = true)
    void tokens() {
        List<TokenInfo> tokens = cli.connection().request(EnrollmentMessages.TOKEN_LIST, Json.object()).list("tokens", TokenInfo.class);
        StringBuilder text = new StringBuilder(String.format("%-12s %-8s %-16s %-24s %-24s %s", "ID", "STATE", "CREATED BY", "EXPIRES",
                "USED AT", "USED BY / REVOKED AT"));
        for (TokenInfo t : tokens) {
            text.append(String.format("%n%-12s %-8s %-16s %-24s %-24s %s", t.id(), t.state(), t.createdBy(), t.expires(),
                    t.usedAt().isEmpty() ? "-" : t.usedAt(), !t.usedBy().isEmpty() ? t.usedBy() : t.revokedAt().isEmpty() ? "-" : t.revokedAt()));
        }
        cli.print(Json.object("tokens", tokens.stream().map(Json::tree).toList()), text.toString());
    }

    @Command(name = "revoke", description = "Revoke an unused enrollment token.", mixinStandardHelpOptions = true)
    void revoke(@Parameters(paramLabel = "ID", description = "the token's id, as 'node tokens' lists it") String id) {
        TokenInfo info = Json.read(cli.connection().request(EnrollmentMessages.TOKEN_REVOKE, Json.object("id", id)).object("info"),
                TokenInfo.class);
        cli.print(Json.object("info", Json.tree(info)), "Revoked enrollment token " + info.id() + ".");
    }

    /** {@code 45s}, {@code 30m}, {@code 24h}, {@code 7d}. */
    static Duration duration(String text) {
        Duration d = org.syncline.core.Durations.parse(text).orElse(Duration.ZERO);
        if (!d.isZero() && d.compareTo(MAX_VALIDITY) <= 0) {
            return d;
        }
        throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--expires '" + Names.printable(text)
                + "' is not a duration from 1s to 30d such as 30m, 24h or 7d.");
    }
}
