package org.syncline.sync.internal.cli;

import java.util.List;
import java.util.Locale;

import org.syncline.cli.api.CliContext;
import org.syncline.core.ByteSizes;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.sync.FolderInfo;
import org.syncline.sync.FolderMember;
import org.syncline.sync.Quota;
import org.syncline.sync.Revision;
import org.syncline.sync.TrashEntry;
import org.syncline.sync.client.SyncClient;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "folder", description = "Shared sync folders: create, list, rm, share, unshare, members, history, restore, trash, quota.",
        mixinStandardHelpOptions = true)
final class FolderCommands {
    private final CliContext cli;

    FolderCommands(CliContext cli) {
        this.cli = cli;
    }

    private SyncClient sync() {
        return new SyncClient(cli.connection());
    }

    @Command(name = "create", description = "Create a shared folder; you own it.", mixinStandardHelpOptions = true)
    void create(@Parameters(paramLabel = "FOLDER") String folder) {
        FolderInfo f = sync().create(folder);
        cli.print(Json.tree(f), "Created folder '" + f.name() + "'.");
    }

    @Command(name = "list", description = "List the folders you may use, with your right on each.", mixinStandardHelpOptions = true)
    void list() {
        List<FolderInfo> folders = sync().list();
        StringBuilder b = new StringBuilder(String.format("%-32s %-16s %-7s %8s %12s", "FOLDER", "OWNER", "RIGHT", "FILES", "SIZE"));
        for (FolderInfo f : folders) {
            b.append(String.format("%n%-32s %-16s %-7s %8d %12s", f.name(), f.owner(), f.right(), f.files(), ByteSizes.format(f.bytes())));
        }
        cli.print(Json.object("folders", folders), folders.isEmpty()
                ? "No folders yet: make one with 'folder create NAME', or ask an owner to share one with you." : b.toString());
    }

    @Command(name = "rm", description = "Delete a folder with its files, history and trash (needs manage).", mixinStandardHelpOptions = true)
    void rm(@Parameters(paramLabel = "FOLDER") String folder) {
        sync().delete(folder);
        cli.print(Json.object("folder", folder), "Deleted folder '" + folder + "'.");
    }

    static final class Subject {
        @Option(names = "--group", paramLabel = "GROUP", description = "a group instead of a user")
        String group;
    }

    @Command(name = "share", description = "Give a user (or --group) read, rw or manage on a folder (needs manage).", mixinStandardHelpOptions = true)
    void share(@Parameters(paramLabel = "FOLDER") String folder,
            @Parameters(paramLabel = "USER", arity = "0..1", description = "the user (or use --group)") String user,
            @ArgGroup(exclusive = true) Subject subject,
            @Option(names = "--rights", paramLabel = "read|rw|manage", defaultValue = "read", description = "default: read") String rights) {
        String[] who = who(user, subject);
        List<FolderMember> members = sync().share(folder, who[0], who[1], right(rights));
        cli.print(Json.object("folder", folder, "members", members), "Folder '" + folder + "' is shared with " + who[0] + " '" + who[1] + "' ("
                + right(rights) + ").");
    }

    @Command(name = "unshare", description = "Take a user's (or --group's) access to a folder away (needs manage).", mixinStandardHelpOptions = true)
    void unshare(@Parameters(paramLabel = "FOLDER") String folder,
            @Parameters(paramLabel = "USER", arity = "0..1") String user,
            @ArgGroup(exclusive = true) Subject subject) {
        String[] who = who(user, subject);
        List<FolderMember> members = sync().unshare(folder, who[0], who[1]);
        cli.print(Json.object("folder", folder, "members", members), "Folder '" + folder + "' is no longer shared with " + who[0] + " '" + who[1] + "'.");
    }

    @Command(name = "members", description = "Who may use a folder, and how.", mixinStandardHelpOptions = true)
    void members(@Parameters(paramLabel = "FOLDER") String folder) {
        List<FolderMember> members = sync().members(folder);
        StringBuilder b = new StringBuilder(String.format("%-6s %-32s %s", "KIND", "NAME", "RIGHT"));
        for (FolderMember m : members) {
            b.append(String.format("%n%-6s %-32s %s", m.kind(), m.subject(), m.right()));
        }
        cli.print(Json.object("folder", folder, "members", members), b.toString());
    }

    @Command(name = "history", description = "Revisions of a file (or of the whole folder), newest first.", mixinStandardHelpOptions = true)
    void history(@Parameters(paramLabel = "FOLDER") String folder, @Parameters(paramLabel = "PATH", arity = "0..1") String path) {
        List<Revision> revisions = sync().history(folder, path);
        StringBuilder b = new StringBuilder(String.format("%-40s %5s %-16s %-20s %12s %s", "PATH", "REV", "AUTHOR", "TIME", "SIZE", "SHA-256"));
        for (Revision r : revisions) {
            b.append(String.format("%n%-40s %5d %-16s %-20s %12s %s", r.path(), r.number(), r.author(), time(r.time()),
                    r.deleted() ? "deleted" : ByteSizes.format(r.size()), r.deleted() ? "" : r.sha256().substring(0, 12)));
        }
        cli.print(Json.object("folder", folder, "revisions", revisions), revisions.isEmpty() ? "Folder '" + folder + "' has no revisions yet." : b.toString());
    }

    @Command(name = "restore", description = "Make an old revision of a file its newest one (nothing is lost).", mixinStandardHelpOptions = true)
    void restore(@Parameters(paramLabel = "FOLDER") String folder, @Parameters(paramLabel = "PATH") String path,
            @Parameters(paramLabel = "REVISION") long revision) {
        Revision r = sync().restore(folder, path, revision);
        cli.print(Json.tree(r), "'" + path + "' is at revision " + r.number() + " with the content of revision " + revision + ".");
    }

    @Command(name = "trash", description = "List deleted files of a folder, or bring one back with --restore.", mixinStandardHelpOptions = true)
    void trash(@Parameters(paramLabel = "FOLDER") String folder,
            @Option(names = "--restore", paramLabel = "PATH", description = "restore this file from the trash") String restore) {
        SyncClient sync = sync();
        if (restore != null) {
            Revision r = sync.restoreFromTrash(folder, restore);
            cli.print(Json.tree(r), "Restored '" + restore + "' (revision " + r.number() + ").");
            return;
        }
        List<TrashEntry> files = sync.trash(folder);
        StringBuilder b = new StringBuilder(String.format("%-40s %12s %-16s %-20s %s", "PATH", "SIZE", "DELETED BY", "DELETED", "PURGED AFTER"));
        for (TrashEntry t : files) {
            b.append(String.format("%n%-40s %12s %-16s %-20s %s", t.path(), ByteSizes.format(t.size()), t.deletedBy(), time(t.deleted()),
                    time(t.purgeAfter())));
        }
        cli.print(Json.object("folder", folder, "files", files), files.isEmpty() ? "The trash of folder '" + folder + "' is empty." : b.toString());
    }

    @Command(name = "quota", description = "Show a user's storage quota, or set it (admins only): 10G, 500 MiB, 2000000000; 0: none.",
            mixinStandardHelpOptions = true)
    void quota(@Parameters(paramLabel = "USER", arity = "0..1", description = "default: you") String user,
            @Parameters(paramLabel = "SIZE", arity = "0..1", description = "bytes, or with a unit as rsync reads them (K, M, G, T: 1,024s; KB, MB, GB, TB: 1,000s)") String size) {
        SyncClient sync = sync();
        Quota q;
        if (size == null) {
            q = sync.quota(user);
        } else {
            long bytes = ByteSizes.parse(size).orElseThrow(() -> new SynclineException(ErrorCode.INVALID_ARGUMENT, "A quota is a size such as 10G, 500 MiB or "
                    + "2000000000 (bytes), or 0 for none; not '" + org.syncline.core.Names.printable(size) + "'."));
            q = sync.setQuota(user, bytes);
        }
        cli.print(Json.tree(q), "User '" + q.user() + "': " + ByteSizes.format(q.used()) + " used of " + (q.limit() == 0 ? "no limit"
                : ByteSizes.format(q.limit()) + " (" + q.limit() + " bytes)") + ".");
    }

    @Command(name = "quotas", description = "List every user's storage quota and the space their folders use (admins only).",
            mixinStandardHelpOptions = true)
    void quotas() {
        List<Quota> all = sync().quotas();
        StringBuilder b = new StringBuilder(String.format("%-24s %12s %12s", "USER", "USED", "LIMIT"));
        for (Quota q : all) {
            b.append(String.format("%n%-24s %12s %12s%s", q.user(), ByteSizes.format(q.used()), q.limit() == 0 ? "none" : ByteSizes.format(q.limit()),
                    q.limit() > 0 && q.used() > q.limit() ? "  over" : ""));
        }
        cli.print(Json.object("quotas", all), b.toString());
    }

    private static String[] who(String user, Subject subject) {
        if (subject != null && subject.group != null) {
            if (user != null) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Give a USER or --group GROUP, not both.");
            }
            return new String[] { FolderMember.GROUP, subject.group };
        }
        if (user == null) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Say whom: a USER or --group GROUP.");
        }
        return new String[] { FolderMember.USER, user };
    }

    static String right(String rights) {
        return switch (rights.toLowerCase(Locale.ROOT)) {
            case "r", "read" -> "read";
            case "rw", "write", "read-write" -> "write";
            case "manage" -> "manage";
            default -> throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--rights is read, rw or manage, not '" + rights + "'.");
        };
    }

    private static String time(java.time.Instant t) {
        return t == null ? "" : t.toString().substring(0, 19).replace('T', ' ');
    }
}
