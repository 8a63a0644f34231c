package org.syncline.distribution.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.ExitCodes;
import org.syncline.core.json.Json;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.client.MonitorClient;

import picocli.CommandLine.Command;

@Command(name = "agents", description = "The agents that joined the master: state (online, offline, overloaded, alerting) and last sample.",
        mixinStandardHelpOptions = true)
final class AgentsCommand implements Callable<Integer> {
    private final CliContext cli;

    AgentsCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<AgentInfo> agents = new MonitorClient(cli.connection()).agents();
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format("%-20s %-10s %-22s %s%n", "NAME", "STATE", "ADDRESS", "LAST SAMPLE"));
        for (AgentInfo a : agents) {
            json.add(Json.tree(a));
            text.append(String.format("%-20s %-10s %-22s %s%n", a.name(), a.state(), a.host() + ":" + a.port(),
                    a.last().isNone() ? "none since the master started" : SampleText.line(a.last())));
        }
        text.append(agents.size() == 1 ? "1 agent." : agents.size() + " agents.");
        cli.print(Map.of("agents", json), text.toString());
        return ExitCodes.OK;
    }
}
