package org.syncline.distribution.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

/** The monitoring command groups of syncline cli, one Declarative Services component each. */
public final class MonitoringCommandGroups {
    private MonitoringCommandGroups() {
    }

    /** {@code syncline cli agents}. */
    public static final class Agents implements CommandGroup {
        @Override
        public Object command(CliContext cli) {
            return new AgentsCommand(cli);
        }
    }

    /** {@code syncline cli monitor AGENT}. */
    public static final class Monitor implements CommandGroup {
        @Override
        public Object command(CliContext cli) {
            return new MonitorCommand(cli);
        }
    }

    /** {@code syncline cli alerts}. */
    public static final class Alerts implements CommandGroup {
        @Override
        public Object command(CliContext cli) {
            return new AlertsCommand(cli);
        }
    }

    /** {@code syncline cli alert rules|rule add|rule rm}. */
    public static final class AlertRules implements CommandGroup {
        @Override
        public Object command(CliContext cli) {
            return new AlertRuleCommands(cli);
        }
    }
}
