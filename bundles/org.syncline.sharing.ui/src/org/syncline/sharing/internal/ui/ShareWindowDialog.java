package org.syncline.sharing.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.syncline.core.SynclineException;
import org.syncline.sharing.capture.Thumbnail;
import org.syncline.sharing.capture.WindowCapture;
import org.syncline.sharing.capture.WindowCaptures;
import org.syncline.sharing.capture.WindowInfo;
import org.syncline.sharing.host.RoomRequest;
import org.syncline.sharing.host.ShareTarget;
import org.syncline.ui.FormDialog;

/**
 * Share a Window...: the top-level windows of this desktop with thumbnail, title and application, "Whole screen"
 * last, and the room's title, password and viewer limit.
 */
public final class ShareWindowDialog extends FormDialog {
    private static final int THUMBNAIL = 64;

    private final List<WindowInfo> windows = new ArrayList<>();
    private final List<Image> images = new ArrayList<>();
    private Table table;
    private Text title;
    private Text password;
    private Spinner max;
    private ShareTarget target;
    private RoomRequest request;
    private String listProblem;

    public ShareWindowDialog(Shell parent) {
        super(parent, "Share a Window", "Share a Window", null, SWT.DEFAULT);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void createForm(Composite body) {
        table = new Table(body, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        tableData.heightHint = 300;
        tableData.widthHint = 520;
        table.setLayoutData(tableData);
        new TableColumn(table, SWT.LEFT).setText("Window");
        new TableColumn(table, SWT.LEFT).setText("Application");
        table.getColumn(0).setWidth(360);
        table.getColumn(1).setWidth(140);
        fillWindows();
        table.addListener(SWT.Selection, e -> {
            int i = table.getSelectionIndex();
            if (i >= 0 && i < windows.size() && title.getText().isEmpty()) {
                title.setText(windows.get(i).title());
            }
            validate();
        });
        table.addListener(SWT.DefaultSelection, e -> {
            if (getButton(IDialogConstants.OK_ID).isEnabled()) {
                okPressed();
            }
        });
        new Label(body, SWT.NONE).setText("Room &title:");
        title = new Text(body, SWT.SINGLE | SWT.BORDER);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title.addListener(SWT.Modify, e -> validate());
        new Label(body, SWT.NONE).setText("&Password (optional):");
        password = new Text(body, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD);
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(body, SWT.NONE).setText("&Most viewers:");
        max = new Spinner(body, SWT.BORDER);
        max.setValues(5, 1, 100, 0, 1, 5);
    }

    private void fillWindows() {
        try (WindowCapture desktop = WindowCaptures.forThisDesktop()) {
            windows.addAll(desktop.listWindows(THUMBNAIL));
        } catch (SynclineException e) {
            listProblem = e.getMessage();
        }
        for (WindowInfo w : windows) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {w.title().isEmpty() ? "(untitled window)" : w.title(), w.application()});
            w.thumbnail().filter(t -> t.width() > 0 && t.height() > 0).ifPresent(t -> item.setImage(0, image(t)));
        }
        TableItem screen = new TableItem(table, SWT.NONE);
        screen.setText(new String[] {"Whole screen (everything on it)", ""});
    }

    private Image image(Thumbnail t) {
        ImageData data = new ImageData(t.width(), t.height(), 32, new PaletteData(0xff0000, 0xff00, 0xff));
        for (int y = 0; y < t.height(); y++) {
            data.setPixels(0, y, t.width(), t.argb(), y * t.width());
        }
        Image image = new Image(getShell().getDisplay(), data);
        images.add(image);
        return image;
    }

    /** What is missing is said as an instruction, never in red: nothing here can be typed wrong. */
    @Override
    protected String instruction() {
        if (table.getSelectionIndex() < 0) {
            return listProblem != null ? listProblem + " You can still share the whole screen." : "Choose the window to share (Enter shares it).";
        }
        return title.getText().isBlank() ? "Give the room a title." : null;
    }

    @Override
    protected String message() {
        return table.getSelectionIndex() < windows.size()
                ? "Viewers see only this window's own pixels; they control it only when you grant it."
                : "Viewers see everything on the screen; a viewer you grant control to controls the whole screen.";
    }

    @Override
    protected String okLabel() {
        return "&Share";
    }

    @Override
    protected void okPressed() {
        int i = table.getSelectionIndex();
        target = i < windows.size() ? ShareTarget.window(windows.get(i).id()) : ShareTarget.wholeScreen();
        request = new RoomRequest(title.getText().strip(), password.getText().isEmpty() ? null : password.getText().toCharArray(),
                max.getSelection());
        super.okPressed();
    }

    public ShareTarget target() {
        return target;
    }

    public RoomRequest request() {
        return request;
    }

    @Override
    public boolean close() {
        images.forEach(Image::dispose);
        return super.close();
    }
}
