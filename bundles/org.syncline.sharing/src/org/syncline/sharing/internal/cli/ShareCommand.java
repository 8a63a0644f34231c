package org.syncline.sharing.internal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.ExitCodes;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.PasswordFile;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.capture.Region;
import org.syncline.sharing.capture.WindowCapture;
import org.syncline.sharing.capture.WindowCaptures;
import org.syncline.sharing.capture.WindowInfo;
import org.syncline.sharing.client.SharingClient;
import org.syncline.sharing.host.ControlPolicy;
import org.syncline.sharing.host.HostEnd;
import org.syncline.sharing.host.HostEvents;
import org.syncline.sharing.host.HostSession;
import org.syncline.sharing.host.RoomRequest;
import org.syncline.sharing.host.ShareTarget;
import org.syncline.sharing.input.InjectionResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "share", mixinStandardHelpOptions = true, description = {
    "Shares one window (or, by choice, the whole screen) in a room of a relay until Ctrl+C or until the window closes;",
    "then the room closes for every viewer. Prints the room id, viewers joining and leaving, and control requests.",
    "While it runs, a line on the terminal answers a control request (y/n); 'revoke' takes the token back, 'stop' ends.",
    "Connection options (--server, --user, --password-file, --trust-fingerprint) are those of 'syncline cli'.",
    "--list-windows needs no server." })
final class ShareCommand implements Callable<Integer> {
    private final CliContext cli;
    private final java.util.Queue<String> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean inputEnded;

    @Option(names = "--window", paramLabel = "ID", description = "the window to share: its id as --list-windows prints it (0x... or decimal)")
    String window;
    @Option(names = "--screen", description = "share the whole screen instead of one window (a granted viewer controls the whole screen)")
    boolean screen;
    @Option(names = "--list-windows", description = "list the windows that can be shared: id, title, application, bounds")
    boolean listWindows;
    @Option(names = { "--title", "--room" }, paramLabel = "T", description = "the room's title (default: the window's title)")
    String title;
    @Option(names = "--room-password-file", paramLabel = "F", description = "viewers must give this password to join")
    Path roomPasswordFile;
    @Option(names = "--max", paramLabel = "N", description = "at most N viewers (default and upper bound: the relay's limit)")
    Integer max;
    @Option(names = "--control", paramLabel = "ask|grant|refuse",
            description = "a viewer's control request: ask on this terminal (default), grant every one, or refuse every one")
    String control = "ask";
    @Option(names = "--fps", paramLabel = "N", description = "at most N frames per second (default 30)")
    int fps = HostSession.DEFAULT_FPS;

    ShareCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        int chosen = (window != null ? 1 : 0) + (screen ? 1 : 0) + (listWindows ? 1 : 0);
        if (chosen != 1) {
            throw usage("Give exactly one of --window ID, --screen or --list-windows.");
        }
        if (listWindows) {
            return listWindows();
        }
        ShareTarget target = screen ? ShareTarget.wholeScreen() : ShareTarget.window(windowId(window));
        ControlPolicy policy = policy(control);
        if (fps < 1 || fps > 120) {
            throw usage("--fps is 1-120 frames per second, not " + fps + ".");
        }
        if (max != null && max < 1) {
            throw usage("--max is at least 1 viewer, not " + max + ".");
        }
        char[] roomPassword = roomPasswordFile == null ? null : PasswordFile.read(roomPasswordFile);
        String roomTitle = title != null ? title : defaultTitle(target);
        CountDownLatch ended = new CountDownLatch(1);
        HostSession session = HostSession.start(new SharingClient(cli.connection()), new RoomRequest(roomTitle, roomPassword, max),
                target, fps, policy, new Printer(ended));
        Thread stopper = new Thread(() -> {
            session.stop();
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "syncline-share-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        Thread.ofPlatform().daemon().name("syncline-share-terminal").start(() -> readTerminal(session));
        RoomDetails room = session.room();
        event(Json.object("event", "opened", "room", room.id(), "title", room.title(), "max", (long) room.max(), "sharing",
                target.describe()), "Sharing " + target.describe() + " in room '" + room.id() + "' (\"" + room.title() + "\") for up to "
                        + room.max() + " viewers; type 'revoke' to take the control token back, Ctrl+C or 'stop' ends it.");
        ended.await();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl+C): the hook is running
        }
        HostEnd how = session.ending();
        if (how == HostEnd.STOPPED || how == HostEnd.WINDOW_GONE) {
            return ExitCodes.OK;
        }
        throw new SynclineException(how == HostEnd.ROOM_CLOSED ? ErrorCode.NOT_FOUND : ErrorCode.CONNECTION_FAILED,
                "Room '" + room.id() + "' is closed: " + session.stopReason());
    }

    private int listWindows() {
        List<WindowInfo> windows;
        try (WindowCapture desktop = WindowCaptures.forThisDesktop()) {
            windows = desktop.listWindows(1);
        }
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format("%-12s %-40s %-20s %s", "ID", "TITLE", "APPLICATION", "BOUNDS"));
        for (WindowInfo w : windows) {
            Region b = w.bounds();
            String id = "0x" + Long.toHexString(w.id());
            json.add(Json.object("id", id, "title", w.title(), "application", w.application(), "pid", w.pid(), "x", (long) b.x(),
                    "y", (long) b.y(), "width", (long) b.width(), "height", (long) b.height()));
            text.append(String.format("%n%-12s %-40s %-20s %dx%d+%d+%d", id, Names.printable(w.title()), Names.printable(w.application()),
                    b.width(), b.height(), b.x(), b.y()));
        }
        cli.print(Json.object("windows", json), text.toString());
        return ExitCodes.OK;
    }

    private String defaultTitle(ShareTarget target) {
        if (target.screen()) {
            return cli.user() + "'s screen";
        }
        try (WindowCapture desktop = WindowCaptures.forThisDesktop()) {
            for (WindowInfo w : desktop.listWindows(1)) {
                if (w.id() == target.windowId() && !w.title().isBlank()) {
                    return w.title();
                }
            }
        }
        return cli.user() + "'s window";
    }

    static long windowId(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            long id = t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw usage("--window takes a window id such as 0x1a00003 (see --list-windows), not '" + Names.printable(text) + "'.");
    }

    private ControlPolicy policy(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "grant" -> ControlPolicy.GRANT_ALL;
            case "refuse" -> ControlPolicy.REFUSE_ALL;
            case "ask" -> this::ask;
            default -> throw usage("--control is ask, grant or refuse, not '" + Names.printable(text) + "'.");
        };
    }

    /** Asks on the terminal: the next line answers it (y grants); without a terminal (end of input) it refuses. */
    private void ask(HostSession session, String user) {
        if (inputEnded) {
            session.refuse(user);
            event(Json.object("event", "refused", "user", user), "Refused control to '" + user + "' (no terminal to ask on).");
            return;
        }
        pending.add(user);
        cli.note("'" + user + "' asks for control of " + session.target().describe() + ". Grant it? [y/N]");
    }

    /**
     * Reads the terminal while sharing: a line answers the oldest open control request; otherwise "revoke" takes
     * the token back and "stop" ends the sharing.
     */
    private void readTerminal(HostSession session) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        try {
            for (String line; (line = in.readLine()) != null && session.isRunning();) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                String user = pending.poll();
                if (user != null) {
                    answer(session, user, word.startsWith("y"));
                } else if (word.equals("revoke")) {
                    session.revoke();
                    event(Json.object("event", "revoked"), "Took the control token back.");
                } else if (word.equals("stop")) {
                    session.stop();
                } else if (!word.isEmpty()) {
                    cli.note("Type 'revoke' to take the control token back, 'stop' (or Ctrl+C) to end the sharing.");
                }
            }
        } catch (IOException | SynclineException e) {
            // the terminal or the room went away: the session reports its own end
        }
        inputEnded = true;
        for (String user; (user = pending.poll()) != null;) {
            answer(session, user, false);
        }
    }

    private void answer(HostSession session, String user, boolean yes) {
        try {
            if (yes) {
                session.grant(user);
            } else {
                session.refuse(user);
            }
            event(Json.object("event", yes ? "granted" : "refused", "user", user),
                    (yes ? "Granted control to '" : "Refused control to '") + user + "'.");
        } catch (SynclineException e) {
            cli.note("'" + user + "' could not be answered: " + e.getMessage());
        }
    }

    private synchronized void event(Map<String, Object> json, String text) {
        cli.print(json, LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
        System.out.flush();
    }

    private static SynclineException usage(String message) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, message + " See 'syncline share --help'.");
    }

    /** Prints what the relay and the session report, one line each. */
    private final class Printer implements HostEvents {
        private final CountDownLatch ended;
        private List<String> members = List.of();
        private String holder;
        private final Map<String, InjectionResult> lastDrop = new ConcurrentHashMap<>();

        Printer(CountDownLatch ended) {
            this.ended = ended;
        }

        @Override
        public synchronized void roomChanged(RoomDetails room) {
            for (String m : room.members()) {
                if (!members.contains(m)) {
                    event(Json.object("event", "joined", "user", m, "viewers", (long) room.members().size()),
                            "'" + m + "' joined (" + room.members().size() + " of " + room.max() + " viewers).");
                }
            }
            for (String m : members) {
                if (!room.members().contains(m)) {
                    event(Json.object("event", "left", "user", m, "viewers", (long) room.members().size()),
                            "'" + m + "' left (" + room.members().size() + " of " + room.max() + " viewers).");
                    lastDrop.remove(m);
                }
            }
            members = room.members();
            if (holder != null && !holder.equals(room.tokenHolder())) {
                event(Json.object("event", "control", "holder", room.tokenHolder()), room.tokenHolder().equals(room.host())
                        ? "The host holds the control token again." : "'" + room.tokenHolder() + "' holds the control token.");
            }
            holder = room.tokenHolder();
        }

        @Override
        public void inputDropped(String user, InjectionResult result) {
            if (lastDrop.put(user, result) != result) {
                cli.note("Input from '" + user + "': " + result.sentence());
            }
        }

        @Override
        public void stopped(String reason) {
            event(Json.object("event", "stopped", "reason", reason), reason);
            ended.countDown();
        }
    }
}
