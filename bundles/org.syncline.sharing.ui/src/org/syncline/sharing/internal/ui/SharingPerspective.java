package org.syncline.sharing.internal.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.syncline.ui.SynclineViews;

/** Rooms and servers on the left, the viewers in the editor area, participants and chat on the right. */
public final class SharingPerspective implements IPerspectiveFactory {
    public static final String ID = "org.syncline.sharing.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        layout.addView(RoomsView.ID, IPageLayout.LEFT, 0.25f, editors);
        layout.addView(SynclineViews.SERVERS, IPageLayout.BOTTOM, 0.65f, RoomsView.ID);
        layout.addView(ParticipantsView.ID, IPageLayout.RIGHT, 0.68f, editors);
        IFolderLayout chat = layout.createFolder("org.syncline.sharing.ui.chatFolder", IPageLayout.BOTTOM, 0.6f, ParticipantsView.ID);
        chat.addView(ChatView.ID);
        layout.addShowViewShortcut(RoomsView.ID);
        layout.addShowViewShortcut(ParticipantsView.ID);
        layout.addShowViewShortcut(ChatView.ID);
        layout.addShowViewShortcut(SynclineViews.SERVERS);
        layout.addPerspectiveShortcut(ID);
    }
}
