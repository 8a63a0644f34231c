package org.syncline.sharing.internal.ui;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.menus.WorkbenchWindowControlContribution;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.host.HostSession;
import org.syncline.ui.UiRunner;

/**
 * The status line while this workbench shares a window, whatever perspective is open: what is shared, in which room,
 * to how many viewers, and a Stop link (the same as Ctrl+Alt+X). Empty while nothing is shared.
 */
public final class SharingStatusIndicator extends WorkbenchWindowControlContribution {
    private Link link;
    private UiRunner ui;
    private final Runnable hostedChanged = () -> ui.execute(this::show);

    @Override
    protected Control createControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        Composite area = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginHeight = 0;
        layout.marginWidth = 4;
        area.setLayout(layout);
        link = new Link(area, SWT.NONE);
        link.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, true));
        link.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        link.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        link.setToolTipText("Stop Sharing (Ctrl+Alt+X): the room closes for every viewer");
        link.addListener(SWT.Selection, e -> HostedSharing.instance().stop());
        HostedSharing.instance().addListener(hostedChanged);
        link.addListener(SWT.Dispose, e -> HostedSharing.instance().removeListener(hostedChanged));
        show();
        return area;
    }

    /** The indicator's text while sharing, or "" (for tests and the screen reader alike). */
    public static String text(HostedSharing hosted) {
        HostSession running = hosted.running();
        RoomDetails room = hosted.room();
        if (running == null || room == null) {
            return "";
        }
        int n = room.members().size();
        return "\u25cf Sharing " + running.target().describe() + " in '" + room.title() + "' with " + n
                + (n == 1 ? " viewer" : " viewers") + "  <a>Stop</a> (Ctrl+Alt+X)";
    }

    private void show() {
        if (link == null || link.isDisposed()) {
            return;
        }
        String text = text(HostedSharing.instance());
        link.setText(text);
        link.setVisible(!text.isEmpty());
        // the trim sized its tool item when the text was empty: give the item the width of the new text
        Control item = link.getParent();
        while (item.getParent() != null && !(item.getParent() instanceof ToolBar)) {
            item = item.getParent();
        }
        if (item.getParent() instanceof ToolBar bar) {
            for (ToolItem tool : bar.getItems()) {
                if (tool.getControl() == item) {
                    tool.setWidth(item.computeSize(SWT.DEFAULT, SWT.DEFAULT, true).x);
                }
            }
            bar.pack(true);
        }
        // lays out every composite from the indicator up to the window, which moves the trim around it
        link.getShell().layout(new Control[] { link }, SWT.ALL | SWT.CHANGED);
    }

    @Override
    public boolean isDynamic() {
        return false;
    }
}
