package org.syncline.distribution.internal.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.ExitCodes;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.AgentSample;
import org.syncline.distribution.client.MonitorClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "monitor", description = "An agent's samples since a time: raw within the last 24 h, 1-minute averages before that.",
        mixinStandardHelpOptions = true)
final class MonitorCommand implements Callable<Integer> {
    private final CliContext cli;
    @Parameters(paramLabel = "AGENT", description = "the agent's name")
    String agent;
    @Option(names = "--since", paramLabel = "D", description = "how far back: 15m, 2h, 3d, a date (2026-11-22) or an instant; default 15m")
    String since = "15m";

    MonitorCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        MonitorClient.Series series = new MonitorClient(cli.connection()).monitor(agent, since(since, Instant.now()));
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (AgentSample s : series.samples()) {
            json.add(Json.tree(s));
            text.append(SampleText.line(s)).append('\n');
        }
        text.append(series.samples().size()).append(series.resolution().equals("raw") ? " samples." : " 1-minute averages.");
        cli.print(Map.of("agent", agent, "resolution", series.resolution(), "samples", json), text.toString());
        return ExitCodes.OK;
    }

    static Instant since(String text, Instant now) {
        String t = text.trim();
        try {
            java.util.Optional<Duration> ago = org.syncline.core.Durations.parse(t);
            if (ago.isPresent()) {
                return now.minus(ago.get());
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--since '" + Names.printable(text)
                    + "' is not a duration (15m, 2h, 3d), a date (2026-11-22) or an instant (2026-11-22T10:15:00Z).");
        }
    }
}
