package org.syncline.documents.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.core.json.Json;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.NodeFile;
import org.syncline.documents.NodeFileList;
import org.syncline.documents.client.DocumentsClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code docs node ...}: a storage node's files as its inventory reported them, and its orphans (files no
 * document refers to) for an admin to adopt or purge. Admins only, checked on the server.
 */
@Command(name = "node", description = "A storage node's files and orphans (admins): files, orphans, adopt, purge.", mixinStandardHelpOptions = true)
final class DocsNodeCommands {
    private final CliContext cli;

    DocsNodeCommands(CliContext cli) {
        this.cli = cli;
    }

    private DocumentsClient docs() {
        return new DocumentsClient(cli.connection());
    }

    @Command(name = "files", description = "The files the node holds, with how many document versions use each.", mixinStandardHelpOptions = true)
    void files(@Parameters(paramLabel = "NODE") String node,
            @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "at most this many (default: 1000)") int limit) {
        print(docs().nodeFiles(node, limit), node, "file");
    }

    @Command(name = "orphans", description = "The files on the node that no document refers to, each with when the registry purges it by itself (docs.orphan-grace).", mixinStandardHelpOptions = true)
    void orphans(@Parameters(paramLabel = "NODE") String node,
            @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "at most this many (default: 1000)") int limit) {
        print(docs().orphans(node, limit), node, "orphan");
    }

    @Command(name = "adopt", description = "Register an orphan as a document that you own.", mixinStandardHelpOptions = true)
    void adopt(@Parameters(paramLabel = "NODE") String node, @Parameters(paramLabel = "HASH") String sha256,
            @Option(names = "--name", paramLabel = "N", required = true, description = "the document's name") String name) {
        DocumentInfo d = docs().adopt(node, sha256, name);
        cli.print(Json.tree(d), d.id() + "  " + d.name());
    }

    @Command(name = "purge", description = "Delete an orphan from the node.", mixinStandardHelpOptions = true)
    void purge(@Parameters(paramLabel = "NODE") String node, @Parameters(paramLabel = "HASH") String sha256) {
        docs().purge(node, sha256);
        cli.print(Json.object("node", node, "sha256", sha256), "Purged " + sha256 + " from '" + node + "'.");
    }

    private void print(NodeFileList list, String node, String what) {
        StringBuilder b = new StringBuilder(String.format("%-64s %14s %s", "SHA-256", "SIZE", "VERSIONS"));
        for (NodeFile f : list.files()) {
            b.append(String.format("%n%-64s %14d %d", f.sha256(), f.size(), f.references()));
            java.time.Instant after = list.purgeAfter().get(f.sha256());
            if (after != null) {
                b.append("  purged automatically after ").append(after.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
        }
        b.append(String.format("%n%d %s%s on '%s'%s.", list.total(), what, list.total() == 1 ? "" : "s", node,
                list.files().size() < list.total() ? " (first " + list.files().size() + " shown)" : ""));
        cli.print(Json.tree(list), b.toString());
    }
}
