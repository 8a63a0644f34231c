package org.syncline.distribution.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.syncline.cli.api.CliContext;
import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.TopologySaved;
import org.syncline.distribution.TopologyVersion;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.model.topology.xmi.TopologyXmi;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "topology", description = "The distribution topology on the master: show, export, import (XMI).",
        mixinStandardHelpOptions = true)
final class TopologyCommands {
    private final CliContext cli;

    TopologyCommands(CliContext cli) {
        this.cli = cli;
    }

    private DistributionClient distribution() {
        return new DistributionClient(cli.connection());
    }

    @Command(name = "show", description = "Print the topology as a tree: regions, groups, servers, routes and default policies.",
            mixinStandardHelpOptions = true)
    void show() {
        DistributionClient.Loaded t = distribution().load();
        cli.print(TopologyTree.json(t.deployment(), t.version()), TopologyTree.text(t.deployment(), t.version()));
    }

    @Command(name = "export", description = "Write the topology as XMI to FILE (all or nothing); never overwrites without --force.",
            mixinStandardHelpOptions = true)
    void export(@Parameters(paramLabel = "FILE") Path file, @Option(names = "--force", description = "replace an existing file") boolean force) {
        TopologyVersion[] got = new TopologyVersion[1];
        AtomicFiles.write(file, force, "choose another path or pass --force to replace it.", out -> got[0] = distribution().get(out));
        cli.print(Json.object("path", file.toAbsolutePath().toString(), "version", Json.tree(got[0])),
                "Wrote version " + got[0].version() + " of the topology to " + file + ".");
    }

    @Command(name = "import", description = "Validate the XMI in FILE and save it on the master as the next version.",
            mixinStandardHelpOptions = true)
    void importFile(@Parameters(paramLabel = "FILE") Path file) {
        DistributionClient d = distribution();
        TopologySaved saved;
        try (InputStream in = Files.newInputStream(file)) {
            // read locally first: a malformed file is named without a round trip, and nothing reaches the master
            TopologyXmi.read(in);
        } catch (NoSuchFileException e) {
            throw new SynclineException(ErrorCode.NOT_FOUND, file + " does not exist; give the path of a topology XMI file.");
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Could not read " + file + ": " + e.getMessage() + ".");
        }
        long base = d.info().version();
        try (InputStream in = Files.newInputStream(file)) {
            saved = d.save(in, base);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Could not read " + file + ": " + e.getMessage() + ".");
        }
        for (String w : saved.warnings()) {
            cli.note("warning: " + w);
        }
        TopologyVersion v = saved.version();
        cli.print(Map.of("version", Json.tree(v), "warnings", saved.warnings()), "Saved version " + v.version() + " of the topology: "
                + v.summary() + "." + (saved.warnings().isEmpty() ? "" : " " + count(saved.warnings()) + " (above)."));
    }

    private static String count(List<String> warnings) {
        return warnings.size() == 1 ? "1 warning" : warnings.size() + " warnings";
    }
}
