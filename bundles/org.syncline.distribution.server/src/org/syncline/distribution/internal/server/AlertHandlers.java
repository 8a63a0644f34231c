package org.syncline.distribution.internal.server;

import java.time.Clock;
import java.util.Set;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.AlertRule;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.store.Database;

/** Alert rules (admins add and remove them; anyone lists them) and alerts (anyone reads and follows them). */
final class AlertHandlers {
    private static final Set<String> KINDS = Set.of(AlertRule.SILENT, AlertRule.PORT, AlertRule.CPU, AlertRule.MEMORY, AlertRule.DISK);
    private final CapabilityEndpoint endpoint;
    private final Database database;
    private final AlertBook book;
    private final Clock clock;

    AlertHandlers(CapabilityEndpoint endpoint, Database database, AlertBook book, Clock clock) {
        this.endpoint = endpoint;
        this.database = database;
        this.book = book;
        this.clock = clock;
    }

    void register() {
        endpoint.topic(DistributionMessages.ALERTS_TOPIC, Access.USER);
        endpoint.handle(DistributionMessages.ALERT_LIST, Access.USER, (ctx, body) -> Json.object("alerts",
                database.inTransaction(c -> AlertTables.alerts(c, body.optBool("all", false), 10_000)).stream().map(Json::tree).toList()));
        endpoint.handle(DistributionMessages.ALERT_RULES, Access.USER, (ctx, body) -> Json.object("rules",
                database.inTransaction(AlertTables::rules).stream().map(Json::tree).toList()));
        endpoint.handle(DistributionMessages.ALERT_RULE_ADD, Access.ADMIN, (ctx, body) -> {
            AlertRule r = checked(Json.read(body, AlertRule.class));
            return Json.tree(database.inTransaction(c -> AlertTables.insertRule(c, r, ctx.principal().name(), clock.instant())));
        });
        endpoint.handle(DistributionMessages.ALERT_RULE_REMOVE, Access.ADMIN, (ctx, body) -> {
            long id = body.number("id");
            AlertRule r = database.inTransaction(c -> {
                AlertRule found = AlertTables.rule(c, id).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND,
                        "There is no alert rule " + id + "; 'syncline cli alert rules' lists them."));
                AlertTables.deleteRule(c, id);
                return found;
            });
            book.clearRule(id);
            return Json.tree(r);
        });
    }

    /** The rule with the fields its kind does not use emptied; a missing or impossible value is named. */
    static AlertRule checked(AlertRule r) {
        String kind = r.kind() == null ? "" : r.kind().trim().toLowerCase(java.util.Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--kind must be silent, port, cpu, memory or disk, not '" + r.kind() + "'.");
        }
        String agent = r.agent() == null ? "" : r.agent().trim();
        if (agent.length() > 64) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--agent is a server name of at most 64 characters.");
        }
        return switch (kind) {
            case AlertRule.SILENT -> {
                if (r.seconds() < 1 || r.seconds() > 30 * 86_400) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A silent rule needs --seconds from 1 to 2592000.");
                }
                yield new AlertRule(0, kind, r.seconds(), "", 0, 0, 0, agent);
            }
            case AlertRule.PORT -> {
                String host = r.host() == null ? "" : r.host().trim();
                if (host.isEmpty() || host.length() > 255 || host.chars().anyMatch(ch -> ch <= ' ') || r.port() < 1 || r.port() > 65535) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A port rule needs --host HOST and --port from 1 to 65535.");
                }
                yield new AlertRule(0, kind, 0, host, r.port(), 0, 0, "");
            }
            default -> {
                if (Double.isNaN(r.above()) || r.above() < 0 || r.above() >= 100 || r.forSeconds() < 0 || r.forSeconds() > 86_400) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A " + kind
                            + " rule needs --above PERCENT from 0 to below 100 and --for SECONDS from 0 to 86400.");
                }
                yield new AlertRule(0, kind, 0, "", 0, r.above(), r.forSeconds(), agent);
            }
        };
    }
}
