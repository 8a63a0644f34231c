package org.syncline.distribution.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.syncline.cli.api.CliContext;
import org.syncline.core.json.Json;
import org.syncline.distribution.AlertRule;
import org.syncline.distribution.OutboxEntry;
import org.syncline.distribution.client.AlertsClient;
import org.syncline.distribution.client.OutboxClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "alert", description = "Alert rules on the master: rules, rule add, rule rm (changing them needs the admin role); "
        + "outbox [retry|discard ID]: e-mail and webhook deliveries not yet made (admins).",
        mixinStandardHelpOptions = true, subcommands = { AlertRuleCommands.Rule.class, AlertRuleCommands.Outbox.class })
final class AlertRuleCommands {
    private final CliContext cli;

    AlertRuleCommands(CliContext cli) {
        this.cli = cli;
    }

    @Command(name = "rules", description = "List the alert rules.", mixinStandardHelpOptions = true)
    void rules() {
        List<AlertRule> rules = new AlertsClient(cli.connection()).rules();
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format("%-6s %s%n", "ID", "RULE"));
        for (AlertRule r : rules) {
            json.add(Json.tree(r));
            text.append(String.format("%-6d %s%n", r.id(), r.describe()));
        }
        text.append(rules.size() == 1 ? "1 rule." : rules.size() + " rules.");
        cli.print(Map.of("rules", json), text.toString());
    }

    @Command(name = "outbox", description = "The e-mail and webhook deliveries of alerts that are pending (with the last failure) or were "
            + "given up (with the reason); --all: with the delivered and discarded ones. retry ID / discard ID act on one entry. Admins only.",
            mixinStandardHelpOptions = true)
    static final class Outbox implements Runnable {
        @picocli.CommandLine.ParentCommand
        AlertRuleCommands parent;
        @Option(names = "--all", description = "include delivered and discarded entries")
        boolean all;

        @Override
        public void run() {
            List<OutboxEntry> entries = new OutboxClient(parent.cli.connection()).entries(all);
            List<Object> json = new ArrayList<>();
            StringBuilder text = new StringBuilder(String.format("%-6s %-6s %-8s %-10s %-8s %-20s %-30s %s%n", "ID", "ALERT", "EVENT", "STATE",
                    "ATTEMPTS", "NEXT", "CHANNEL", "REASON"));
            for (OutboxEntry e : entries) {
                json.add(Json.tree(e));
                String next = e.state().equals(OutboxEntry.PENDING) ? e.nextAttempt().toString().replace('T', ' ') : "-";
                text.append(String.format("%-6d %-6d %-8s %-10s %-8d %-20s %-30s %s%n", e.id(), e.alertId(), e.event(), e.state(), e.attempts(),
                        next.length() > 19 ? next.substring(0, 19) : next, e.channel(), e.reason()));
            }
            text.append(entries.size() == 1 ? "1 entry." : entries.size() + " entries.");
            parent.cli.print(Map.of("entries", json), text.toString());
        }

        @Command(name = "retry", description = "Try a pending or given-up entry again now (a given-up one gets its attempts again).",
                mixinStandardHelpOptions = true)
        void retry(@Parameters(paramLabel = "ID", description = "the entry's ID from 'alert outbox'") long id) {
            OutboxEntry e = new OutboxClient(parent.cli.connection()).retry(id);
            parent.cli.print(Json.tree(e), "Entry " + e.id() + " (" + e.channel() + ") is due now; the master tries it within a second.");
        }

        @Command(name = "discard", description = "Never send a pending or given-up entry.", mixinStandardHelpOptions = true)
        void discard(@Parameters(paramLabel = "ID", description = "the entry's ID from 'alert outbox'") long id) {
            OutboxEntry e = new OutboxClient(parent.cli.connection()).discard(id);
            parent.cli.print(Json.tree(e), "Discarded entry " + e.id() + " (" + e.channel() + "); it is never sent.");
        }
    }

    @Command(name = "rule", description = "Add or remove an alert rule.", mixinStandardHelpOptions = true)
    static final class Rule {
        @picocli.CommandLine.ParentCommand
        AlertRuleCommands parent;

        @Command(name = "add", description = "Add a rule: --kind silent --seconds N | --kind port --host H --port P | "
                + "--kind cpu|memory|disk --above PERCENT --for SECONDS [--agent NAME].", mixinStandardHelpOptions = true)
        void add(@Option(names = "--kind", required = true, description = "silent, port, cpu, memory or disk") String kind,
                @Option(names = "--seconds", description = "silent: seconds without a sample") int seconds,
                @Option(names = "--host", description = "port: the host to connect to") String host,
                @Option(names = "--port", description = "port: the TCP port") int port,
                @Option(names = "--above", description = "cpu, memory, disk: the percent") double above,
                @Option(names = "--for", description = "cpu, memory, disk: seconds the value stays above") int forSeconds,
                @Option(names = "--agent", description = "only this agent (default: every agent)") String agent) {
            AlertRule added = new AlertsClient(parent.cli.connection()).add(new AlertRule(0, kind, seconds, host == null ? "" : host, port,
                    above, forSeconds, agent == null ? "" : agent));
            parent.cli.print(Json.tree(added), "Added rule " + added.id() + ": " + added.describe() + ".");
        }

        @Command(name = "rm", description = "Remove a rule; its open alerts are cleared.", mixinStandardHelpOptions = true)
        void rm(@Parameters(paramLabel = "ID") long id) {
            AlertRule removed = new AlertsClient(parent.cli.connection()).remove(id);
            parent.cli.print(Json.tree(removed), "Removed rule " + removed.id() + ": " + removed.describe() + ".");
        }
    }
}
