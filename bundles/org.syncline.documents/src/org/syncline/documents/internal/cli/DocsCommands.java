package org.syncline.documents.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.syncline.cli.api.CliContext;
import org.syncline.core.ByteSizes;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentPage;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.DocumentShare;
import org.syncline.documents.NodeInfo;
import org.syncline.documents.VersionInfo;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.documents.client.VerifiedDownload;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "docs", description = "Documents in the registry: put, find, get, update, versions, info, rename, edit, share, rm, nodes.",
        mixinStandardHelpOptions = true)
final class DocsCommands {
    private final CliContext cli;

    DocsCommands(CliContext cli) {
        this.cli = cli;
    }

    private DocumentsClient docs() {
        return new DocumentsClient(cli.connection());
    }

    @Command(name = "put", description = "Register files, and every file under the folders given, as documents; prints each new id and name.",
            mixinStandardHelpOptions = true)
    void put(@Parameters(paramLabel = "FILE|FOLDER", arity = "1..*") List<Path> paths,
            @Option(names = "--author", paramLabel = "A", description = "author (default: you)") String author,
            @Option(names = "--tag", paramLabel = "T", description = "a tag; repeat for more") List<String> tags,
            @Option(names = "--description", paramLabel = "D", description = "free text") String description,
            @Option(names = "--node", paramLabel = "N", description = "the storage node to keep them on (default: the up node with the most free space)")
            String node,
            @Option(names = "--parallel", paramLabel = "N", defaultValue = "8", description = "uploads in flight at once (1-64, default 8)")
            int parallel) {
        List<Path> files = ParallelRegistration.files(paths);
        DocumentsClient docs = docs();
        List<String> tagList = tags == null ? List.of() : tags;
        ParallelRegistration.Result r = ParallelRegistration.run(org.syncline.documents.client.BatchPlan.of(files), parallel, unit -> unit.size() > 1
                ? docs.registerFiles(unit, author, description, tagList, node)
                : List.of(withFile(unit.get(0), in -> docs.register(unit.get(0).getFileName().toString(), author, description, tagList, node, in))));
        if (r.failure() != null) {
            if (!r.added().isEmpty() || r.uncertain() > 0) {
                // the ones that did register are registered: listed as a whole run lists them (one line each, or the
                // documents in JSON), so that nobody registers them twice; the failure follows on stderr
                printAdded(r.added());
                cli.note(registeredNote(r.added().size(), files.size(), r.uncertain()));
            }
            throw r.failure();
        }
        printAdded(r.added());
    }

    /** What a put that failed part-way registered: sure, unknown (answers that never came), and not. */
    static String registeredNote(int added, int total, int uncertain) {
        String sure = added + " of " + total + " files were registered" + (added > 0 ? " (listed above)" : "");
        if (uncertain == 0) {
            return sure + "; the others were not:";
        }
        return sure + "; " + uncertain + " more were sent in requests the registry did not answer in time and may have been registered"
                + " after this command stopped waiting: look for them with 'docs find --name' before putting them again; the others were not:";
    }

    private void printAdded(List<DocumentInfo> added) {
        StringBuilder text = new StringBuilder();
        for (DocumentInfo d : added) {
            text.append(text.isEmpty() ? "" : "\n").append(d.id()).append("  ").append(d.name());
        }
        cli.print(Json.object("documents", added), text.toString());
    }

    @Command(name = "find", description = "Search the documents you may read.", mixinStandardHelpOptions = true)
    void find(@Option(names = "--name", paramLabel = "S", description = "part of the name, any case") String name,
            @Option(names = "--author", paramLabel = "A") String author,
            @Option(names = "--type", paramLabel = "MIME", description = "mime type, e.g. application/pdf") String type,
            @Option(names = "--tag", paramLabel = "T") String tag,
            @Option(names = "--modified-after", paramLabel = "D", description = "2026-11-22 or 2026-11-22T10:15:00Z") String after,
            @Option(names = "--modified-before", paramLabel = "D") String before,
            @Option(names = "--min-size", paramLabel = "SIZE", description = "bytes, or 10K, 1.5 GiB, 200 MB") String minSize,
            @Option(names = "--max-size", paramLabel = "SIZE") String maxSize,
            @Option(names = "--sort", paramLabel = "name|modified|size|author|type|version|node", defaultValue = "name") String sort,
            @Option(names = "--desc", description = "reverse order: largest, newest or last first") boolean desc,
            @Option(names = "--page", paramLabel = "N", defaultValue = "1") int page,
            @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + DocumentQuery.DEFAULT_PAGE_SIZE) int pageSize,
            @Option(names = "--node", paramLabel = "N", description = "only documents kept on this storage node") String node) {
        DocumentQuery q = new DocumentQuery(name, author, type, tag, DateArgument.parse("--modified-after", after),
                DateArgument.parse("--modified-before", before), size("--min-size", minSize), size("--max-size", maxSize), DocumentQuery.Sort.parse(sort), desc, page, pageSize, node);
        DocumentPage p = docs().search(q);
        StringBuilder b = new StringBuilder(String.format("%-36s %-32s %12s %-20s %-16s %-24s %s", "ID", "NAME", "SIZE", "MODIFIED", "AUTHOR",
                "TYPE", "NODE"));
        for (DocumentInfo d : p.documents()) {
            b.append(String.format("%n%-36s %-32s %12d %-20s %-16s %-24s %s", d.id(), d.name(), d.size(),
                    d.modified().toString().substring(0, 19).replace('T', ' '), d.author(), d.mimeType(), DocumentInfo.MISSING.equals(d.state()) ? d.node() + " (missing)" : d.node()));
        }
        b.append(String.format("%nPage %d of %d; %d document%s match.", p.page(), p.pages(), p.total(), p.total() == 1 ? "" : "s"));
        cli.print(Json.tree(p), b.toString());
    }

    // not mixinStandardHelpOptions: its --version (of the program) would clash with the document's --version
    @Command(name = "get", description = "Download a document (its newest version unless --version); never overwrites without --force.")
    void get(@Parameters(paramLabel = "ID") String id,
            @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.") boolean help,
            @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "file or folder (default: its name here); - writes to standard output") Path output,
            @Option(names = "--version", paramLabel = "V", description = "version number", defaultValue = "0") int version,
            @Option(names = "--force", description = "replace an existing file") boolean force) {
        DocumentsClient docs = docs();
        if (output != null && output.toString().equals("-")) {
            toStandardOutput(docs, id, version);
            return;
        }
        DocumentInfo d = docs.info(id);
        Path target = output == null ? Path.of(d.name()) : Files.isDirectory(output) ? output.resolve(d.name()) : output;
        Path folder = target.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            // as cp, curl and wget: a mistyped path does not become a tree of new folders
            throw new SynclineException(ErrorCode.NOT_FOUND, "There is no folder " + folder + " to write " + target.getFileName()
                    + " into; create it first or choose another path with -o.");
        }
        VersionInfo[] got = new VersionInfo[1];
        VerifiedDownload.write(target, force, "choose another path with -o or pass --force to replace it.", out -> {
            got[0] = docs.get(id, version, out);
            return got[0].sha256();
        });
        cli.print(Json.object("id", id, "path", target.toAbsolutePath().toString(), "version", got[0].version(), "size", got[0].size(),
                "sha256", got[0].sha256()), "Wrote " + target + " (version " + got[0].version() + ", " + got[0].size() + " bytes).");
    }

    /** {@code docs get ID -o -}: the bytes to standard output, checked as they pass; the summary to stderr. */
    private void toStandardOutput(DocumentsClient docs, String id, int version) {
        VersionInfo[] got = new VersionInfo[1];
        VerifiedDownload.stream(cli.rawOutput(), out -> {
            got[0] = docs.get(id, version, out);
            return got[0].sha256();
        });
        cli.note("Wrote version " + got[0].version() + " of " + id + " to standard output (" + got[0].size() + " bytes).");
    }

    @Command(name = "update", description = "Store a file as the next version of a document.", mixinStandardHelpOptions = true)
    void update(@Parameters(paramLabel = "ID") String id, @Parameters(paramLabel = "FILE") Path file) {
        DocumentInfo d = withFile(file, in -> docs().update(id, in));
        cli.print(Json.tree(d), "'" + d.name() + "' is now at version " + d.version() + ".");
    }

    @Command(name = "versions", description = "List the versions of a document, newest first.", mixinStandardHelpOptions = true)
    void versions(@Parameters(paramLabel = "ID") String id) {
        List<VersionInfo> versions = docs().versions(id);
        StringBuilder b = new StringBuilder(String.format("%-8s %12s %-20s %-16s %s", "VERSION", "SIZE", "CREATED", "AUTHOR", "SHA-256"));
        for (VersionInfo v : versions) {
            b.append(String.format("%n%-8d %12d %-20s %-16s %s", v.version(), v.size(), v.created().toString().substring(0, 19).replace('T', ' '),
                    v.author(), v.sha256()));
        }
        cli.print(Json.object("id", id, "versions", versions), b.toString());
    }

    @Command(name = "info", description = "Show a document's metadata.", mixinStandardHelpOptions = true)
    void info(@Parameters(paramLabel = "ID") String id) {
        DocumentInfo d = docs().info(id);
        StringBuilder b = new StringBuilder();
        line(b, "Id", d.id());
        line(b, "Name", d.name());
        line(b, "Author", d.author());
        line(b, "Owner", d.owner());
        line(b, "Type", d.mimeType());
        line(b, "Size", d.size() + " bytes");
        line(b, "SHA-256", d.sha256());
        line(b, "Node", d.node());
        line(b, "State", DocumentInfo.MISSING.equals(d.state()) ? "missing (the node no longer has its bytes)" : d.state());
        line(b, "Version", String.valueOf(d.version()));
        line(b, "Created", d.created().toString());
        line(b, "Modified", d.modified().toString());
        line(b, "Tags", String.join(", ", d.tags()));
        line(b, "Description", d.description());
        line(b, "Shared with", String.join(", ", d.shares().stream().map(s -> s.kind() + " " + s.subject() + " (" + s.right() + ")").toList()));
        cli.print(Json.tree(d), b.toString().stripTrailing());
    }

    @Command(name = "rename", description = "Give a document a new name (needs the write right).", mixinStandardHelpOptions = true)
    void rename(@Parameters(paramLabel = "ID") String id, @Parameters(paramLabel = "NAME") String name) {
        DocumentInfo d = docs().rename(id, name);
        cli.print(Json.tree(d), "Renamed " + id + " to '" + d.name() + "'.");
    }

    @Command(name = "edit", description = "Change a document's metadata (needs the write right); what is not given stays.",
            mixinStandardHelpOptions = true)
    void edit(@Parameters(paramLabel = "ID") String id,
            @Option(names = "--name", paramLabel = "NAME") String name,
            @Option(names = "--author", paramLabel = "A") String author,
            @Option(names = "--description", paramLabel = "D") String description,
            @Option(names = "--tag", paramLabel = "T", description = "the new tags; repeat for more") List<String> tags,
            @Option(names = "--no-tags", description = "remove every tag") boolean noTags) {
        java.util.Map<String, Object> changes = Json.object();
        if (name != null) {
            changes.put("name", name);
        }
        if (author != null) {
            changes.put("author", author);
        }
        if (description != null) {
            changes.put("description", description);
        }
        if (noTags && tags != null) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Say --tag or --no-tags, not both.");
        }
        if (tags != null || noTags) {
            changes.put("tags", tags == null ? List.of() : tags);
        }
        if (changes.isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Nothing to change; give --name, --author, --description, --tag or --no-tags.");
        }
        DocumentInfo d = docs().edit(id, changes);
        cli.print(Json.tree(d), "Changed '" + d.name() + "'.");
    }

    @Command(name = "share", description = "Let a user or a group read or write a document (needs the manage right: its owner or an admin).",
            mixinStandardHelpOptions = true)
    void share(@Parameters(paramLabel = "ID") String id,
            @Option(names = "--user", paramLabel = "U") String user,
            @Option(names = "--group", paramLabel = "G") String group,
            @Option(names = "--right", paramLabel = "read|write", required = true) String right) {
        if ((user == null) == (group == null)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Say --user U or --group G (one of them).");
        }
        DocumentInfo d = docs().share(id, user != null ? DocumentShare.USER : DocumentShare.GROUP, user != null ? user : group, right);
        cli.print(Json.tree(d), "'" + d.name() + "' is shared with " + (user != null ? "user '" + user : "group '" + group) + "' (" + right + ").");
    }

    @Command(name = "nodes", description = "List the registry's storage nodes: status, space, documents, last heartbeat.",
            mixinStandardHelpOptions = true)
    void nodes() {
        List<NodeInfo> nodes = docs().nodes();
        StringBuilder b = new StringBuilder(String.format("%-24s %-24s %-6s %14s %14s %9s %s", "NAME", "ADDRESS", "STATUS", "CAPACITY", "FREE",
                "DOCUMENTS", "LAST HEARTBEAT"));
        for (NodeInfo n : nodes) {
            b.append(String.format("%n%-24s %-24s %-6s %14d %14d %9d %s", n.name(), n.address(), n.status(), n.capacity(), n.free(),
                    n.documents(), n.local() ? "-" : n.lastHeartbeat().toString().substring(0, 19).replace('T', ' ')));
        }
        cli.print(Json.object("nodes", nodes), b.toString());
    }

    @Command(name = "rm", description = "Delete a document with all its versions (needs the manage right).", mixinStandardHelpOptions = true)
    void remove(@Parameters(paramLabel = "ID") String id) {
        docs().delete(id);
        cli.print(Json.object("id", id, "ok", true), "Deleted " + id + ".");
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format("%-12s %s%n", label + ":", value));
    }

    private interface Upload {
        DocumentInfo send(InputStream in);
    }

    private static DocumentInfo withFile(Path file, Upload upload) {
        try (InputStream in = Files.newInputStream(file)) {
            return upload.send(in);
        } catch (NoSuchFileException e) {
            throw new SynclineException(ErrorCode.NOT_FOUND, file + " does not exist; give the path of a file.");
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Could not read " + file + " (" + e.getMessage() + ").", e);
        }
    }

    private static Long size(String option, String value) {
        if (value == null) {
            return null;
        }
        return ByteSizes.parse(value).orElseThrow(() -> new SynclineException(ErrorCode.INVALID_ARGUMENT,
                option + " takes a size such as 4096, 10K, 1.5 GiB or 200 MB, not '" + Names.printable(value) + "'."));
    }
}
