package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syncline.protocol.Connection;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.RoomSummary;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.capture.WindowInfo;
import org.syncline.sharing.client.SharingClient;
import org.syncline.sharing.codec.TileEncoder;
import org.syncline.sharing.host.RoomRequest;
import org.syncline.sharing.host.ShareTarget;
import org.syncline.sharing.internal.ui.HostedSharing;
import org.syncline.sharing.internal.ui.ParticipantsView;
import org.syncline.sharing.internal.ui.RoomsView;
import org.syncline.sharing.internal.ui.SharingCommandHandler;
import org.syncline.sharing.internal.ui.ViewerEditor;
import org.syncline.ui.ConnectedServer;

/**
 * The Sharing views' paths beyond the main one, against a real relay: joining a locked room asks for its password in
 * the Rooms view (a wrong one is refused with the relay's sentence, the right one opens the viewer); a viewer holding
 * the token can pass it only once the host allows passing; and as host, the Participants view's Allow passing,
 * Revoke Control and Kick Selected reach the relay. Screenshots of each step go to target/screenshots.
 */
class SharingControlsLiveTest {
    private static SharingRelayFixture relay;

    @BeforeAll
    static void startRelay() throws Exception {
        relay = SharingRelayFixture.start("syncline-ui-sharing-controls", "hana", "bob");
    }

    @AfterAll
    static void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void aLockedRoomAsksForItsPasswordAndAViewerPassesControlOnlyWhenTheHostAllowsIt() throws Exception {
        IWorkbenchPage page = SharingRelayFixture.sharingPerspective();
        IWorkbenchWindow window = page.getWorkbenchWindow();
        RoomsView rooms = (RoomsView) page.showView(RoomsView.ID);
        ParticipantsView participants = (ParticipantsView) page.showView(ParticipantsView.ID);
        try (Connection hostConnection = relay.connect("hana");
                Connection bobConnection = relay.connect("bob")) {
            relay.connectWorkbench();
            SharingClient host = new SharingClient(hostConnection);
            RoomDetails room = host.createRoom("Locked review", "pair-42".toCharArray(), null);
            host.sendFrame(room.id(), new TileEncoder().encode(CapturedFrame.of(SharingViewLiveTest.pattern(),
                    SharingViewLiveTest.WIDTH, SharingViewLiveTest.HEIGHT, false, List.of())));
            RoomSummary listed = UiEvents.waitFor("the locked room in the Rooms view", () -> rooms.rooms().stream()
                    .filter(r -> r.id().equals(room.id())).findFirst().orElse(null));
            assertTrue(listed.locked());
            rooms.viewer().setSelection(new StructuredSelection(listed), true);

            String[] asked = new String[1];
            answerPasswordPrompt("Join Locked review", "wrong-guess", asked);
            rooms.joinSelected();
            assertTrue(asked[0] != null && asked[0].contains("The room 'Locked review' is locked. Password:"), String.valueOf(asked[0]));
            assertEquals("Could not join 'Locked review': Wrong password for room '" + room.id() + "'.", rooms.hint());
            assertTrue(host.roomInfo(room.id()).members().isEmpty(), "the wrong password let nobody in");
            SharingViewLiveTest.screenshot(window.getShell().getDisplay(), "sharing-password-refused.png");

            answerPasswordPrompt("Join Locked review", "pair-42", asked);
            rooms.joinSelected();
            ViewerEditor editor = UiEvents.waitFor("the viewer editor", () -> page.getActiveEditor() instanceof ViewerEditor v ? v : null);
            assertEquals("Locked review", editor.getPartName());
            assertEquals(List.of("admin"), host.roomInfo(room.id()).members());
            UiEvents.waitUntil("the keyframe painted", () -> editor.paintedFrames() >= 1);
            SharingViewLiveTest.screenshot(window.getShell().getDisplay(), "sharing-password-joined.png");

            // the workbench's viewer holds the token; bob is in the room too
            SharingClient bob = new SharingClient(bobConnection);
            bob.join(room.id(), "pair-42".toCharArray());
            host.grant(room.id(), "admin");
            UiEvents.waitUntil("the token at the workbench's viewer", () -> editor.session().holdsToken());
            ParticipantsView.Participant bobRow = UiEvents.waitFor("bob among the participants",
                    () -> participants.rows().stream().filter(p -> p.user().equals("bob")).findFirst().orElse(null));
            selectParticipant(participants, bobRow);
            assertFalse(passButton(window).isEnabled(), "no passing before the host allows it");
            assertFalse(participants.requestEnabled(), "no Request Control while holding the token");

            host.allowPassing(room.id(), true);
            UiEvents.waitUntil("Pass To Selected enabled once the host allows passing", () -> passButton(window).isEnabled());
            SharingViewLiveTest.screenshot(window.getShell().getDisplay(), "sharing-pass-allowed.png");
            passButton(window).notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("bob in control at the relay", () -> host.roomInfo(room.id()).tokenHolder().equals("bob"));
            UiEvents.waitUntil("the Participants view to show bob in control",
                    () -> participants.rows().stream().anyMatch(p -> p.user().equals("bob") && p.inControl()));
            UiEvents.waitUntil("Request Control enabled again", participants::requestEnabled);
            assertFalse(passButton(window).isEnabled(), "only the holder passes");
            SharingViewLiveTest.screenshot(window.getShell().getDisplay(), "sharing-passed.png");
            page.closeEditor(editor, false);
        } finally {
            relay.disconnectWorkbench();
        }
    }

    @Test
    void theHostAllowsPassingRevokesAndKicksFromTheParticipantsView() throws Exception {
        IWorkbenchPage page = SharingRelayFixture.sharingPerspective();
        IWorkbenchWindow window = page.getWorkbenchWindow();
        ParticipantsView participants = (ParticipantsView) page.showView(ParticipantsView.ID);
        try (Connection viewerConnection = relay.connect("hana")) {
            ConnectedServer connected = relay.connectWorkbench();
            WindowInfo workbenchWindow = SharingRelayFixture.workbenchWindow(window);
            SharingCommandHandler.start(window.getShell(), connected, new RoomRequest("Hosted", null, 3), ShareTarget.window(workbenchWindow.id()));
            UiEvents.waitUntil("the sharing to run", () -> HostedSharing.instance().running() != null);
            String roomId = HostedSharing.instance().room().id();
            SharingClient viewer = new SharingClient(viewerConnection);
            List<String> kicked = new CopyOnWriteArrayList<>();
            viewer.onKicked((room, reason) -> kicked.add(room));
            viewer.join(roomId, null);
            UiEvents.waitUntil("hana in the Participants view", () -> participants.rows().stream().anyMatch(p -> p.user().equals("hana")));
            Button revoke = SharingViewLiveTest.find(window.getShell(), "Re&voke Control");
            Button kick = SharingViewLiveTest.find(window.getShell(), "&Kick Selected");
            Button passing = SharingViewLiveTest.find(window.getShell(), "&Allow passing control");
            assertNotNull(revoke);
            assertNotNull(kick);
            assertNotNull(passing);
            assertFalse(revoke.isEnabled(), "nothing to revoke while the host holds the token");

            // Allow passing: the checkbox reaches the relay
            passing.setSelection(true);
            passing.notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("passing allowed at the relay", () -> viewer.roomInfo(roomId).passingAllowed());

            // Revoke: grant hana through the host session, then take it back with the button
            HostedSharing.instance().running().grant("hana");
            UiEvents.waitUntil("Revoke Control enabled while hana holds the token", revoke::isEnabled);
            SharingViewLiveTest.screenshot(window.getShell().getDisplay(), "sharing-host-before-revoke.png");
            revoke.notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("the token back at the host", () -> viewer.roomInfo(roomId).tokenHolder().equals("admin"));
            UiEvents.waitUntil("Revoke Control disabled again", () -> !revoke.isEnabled());

            // Kick: select hana, press Kick Selected
            selectParticipant(participants, participants.rows().stream().filter(p -> p.user().equals("hana")).findFirst().orElseThrow());
            UiEvents.waitUntil("Kick Selected enabled for a viewer", kick::isEnabled);
            kick.notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("hana told she was removed", () -> kicked.contains(roomId));
            UiEvents.waitUntil("hana gone from the Participants view", () -> participants.rows().stream().noneMatch(p -> p.user().equals("hana")));
            SharingViewLiveTest.screenshot(window.getShell().getDisplay(), "sharing-host-after-kick.png");
        } finally {
            HostedSharing.instance().stop();
            relay.disconnectWorkbench();
        }
    }

    private static void selectParticipant(ParticipantsView view, ParticipantsView.Participant row) {
        view.getSite().getSelectionProvider().setSelection(new StructuredSelection(row));
    }

    private static Button passButton(IWorkbenchWindow window) {
        return SharingViewLiveTest.find(window.getShell(), "&Pass To Selected");
    }

    /** Types {@code password} into the password prompt titled {@code title} once it shows and presses OK. */
    private static void answerPasswordPrompt(String title, String password, String[] said) {
        UiEvents.whenDialogShown(title, said, shell -> {
            UiEvents.find(shell, Text.class, t -> true).setText(password);
            SharingViewLiveTest.find(shell, "OK").notifyListeners(SWT.Selection, new Event());
            return true;
        });
    }
}
