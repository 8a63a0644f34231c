package org.syncline.distribution.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.ExitCodes;
import org.syncline.core.json.Json;
import org.syncline.distribution.Alert;
import org.syncline.distribution.client.AlertsClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alerts", description = "The open alerts on the master (--all: with the cleared ones), newest first.",
        mixinStandardHelpOptions = true)
final class AlertsCommand implements Callable<Integer> {
    private final CliContext cli;
    @Option(names = "--all", description = "include cleared alerts (the history)")
    boolean all;

    AlertsCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<Alert> alerts = new AlertsClient(cli.connection()).alerts(all);
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format("%-6s %-6s %-20s %-20s %-20s %s%n", "ID", "RULE", "TARGET", "RAISED", "CLEARED",
                "MESSAGE"));
        for (Alert a : alerts) {
            json.add(Json.tree(a));
            text.append(String.format("%-6d %-6d %-20s %-20s %-20s %s%n", a.id(), a.ruleId(), a.target(), time(a.raisedAt().toString()),
                    a.isOpen() ? "open" : time(a.clearedAt().toString()), a.message()));
        }
        text.append(alerts.size() == 1 ? "1 alert." : alerts.size() + " alerts.");
        cli.print(Map.of("alerts", json), text.toString());
        return ExitCodes.OK;
    }

    private static String time(String iso) {
        return iso.length() >= 19 ? iso.substring(0, 19).replace('T', ' ') : iso;
    }
}
