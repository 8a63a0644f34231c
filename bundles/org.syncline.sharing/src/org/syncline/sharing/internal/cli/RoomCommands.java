package org.syncline.sharing.internal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.syncline.cli.api.CliContext;
import org.syncline.core.ErrorCode;
import org.syncline.core.PasswordFile;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.protocol.ConnectionState;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.RoomSummary;
import org.syncline.sharing.client.SharingClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "room", description = "Window sharing rooms on a relay: list, create, info, close, kick.", mixinStandardHelpOptions = true)
final class RoomCommands {
    private final CliContext cli;

    RoomCommands(CliContext cli) {
        this.cli = cli;
    }

    private SharingClient sharing() {
        return new SharingClient(cli.connection());
    }

    @Command(name = "list", description = "List the relay's rooms: title, host, participants, limit, locked.", mixinStandardHelpOptions = true)
    void list() {
        List<RoomSummary> rooms = sharing().listRooms();
        StringBuilder b = new StringBuilder(String.format("%-10s %-32s %-16s %12s %6s", "ID", "TITLE", "HOST", "PARTICIPANTS", "LOCKED"));
        for (RoomSummary r : rooms) {
            b.append(String.format("%n%-10s %-32s %-16s %12s %6s", r.id(), r.title(), r.host(), r.participants() + "/" + r.max(),
                    r.locked() ? "yes" : "no"));
        }
        cli.print(Json.object("rooms", rooms), b.toString());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {
        "Open a room you host. The room lives as long as this command runs: it stays open until Ctrl+C",
        "(or until an admin closes it), then closes for every participant."})
    void create(@Parameters(paramLabel = "TITLE") String title,
            @Option(names = "--password-file", paramLabel = "F", description = "viewers must give this password to join") Path passwordFile,
            @Option(names = "--max", paramLabel = "N", description = "at most N viewers (default and upper bound: the relay's limit)") Integer max)
            throws InterruptedException {
        char[] password = passwordFile == null ? null : PasswordFile.read(passwordFile);
        SharingClient sharing = sharing();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<String> why = new AtomicReference<>("The connection to the relay was lost.");
        sharing.onRoomClosed((room, reason) -> {
            why.set(reason);
            closed.countDown();
        });
        cli.connection().addStateListener(state -> {
            if (state != ConnectionState.CONNECTED) {
                closed.countDown();
            }
        });
        RoomDetails room = sharing.createRoom(title, password, max);
        cli.print(Json.tree(room), "Room '" + room.id() + "' (\"" + room.title() + "\") is open for up to " + room.max()
                + " participants; it stays open until Ctrl+C.");
        System.out.flush();
        closed.await();
        throw new SynclineException(ErrorCode.NOT_FOUND, "Room '" + room.id() + "' is closed: " + why.get());
    }

    @Command(name = "info", description = "Show a room: members, token holder, whether passing is allowed.", mixinStandardHelpOptions = true)
    void info(@Parameters(paramLabel = "ID") String id) {
        RoomDetails r = sharing().roomInfo(id);
        cli.print(Json.tree(r), String.format("Room:     %s (\"%s\")%nHost:     %s%nMembers:  %s (%d of at most %d)%nToken:    %s%nPassing:  %s%nLocked:   %s",
                r.id(), r.title(), r.host(), r.members().isEmpty() ? "-" : String.join(", ", r.members()), r.members().size(), r.max(),
                r.tokenHolder(), r.passingAllowed() ? "allowed" : "not allowed", r.locked() ? "yes" : "no"));
    }

    @Command(name = "close", description = "Close a room for everyone (its host, or an admin for any room).", mixinStandardHelpOptions = true)
    void close(@Parameters(paramLabel = "ID") String id) {
        sharing().closeRoom(id);
        cli.print(Json.object("room", id), "Closed room '" + id + "'.");
    }

    @Command(name = "kick", description = "Remove a participant from a room you host.", mixinStandardHelpOptions = true)
    void kick(@Parameters(paramLabel = "ID") String id, @Parameters(paramLabel = "USER") String user) {
        RoomDetails r = sharing().kick(id, user);
        cli.print(Json.tree(r), "Removed '" + user + "' from room '" + id + "'.");
    }
}
