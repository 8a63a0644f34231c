package org.syncline.sharing.internal.ui;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.codec.PaintPlan;
import org.syncline.ui.UiRunner;

/**
 * The shared window of one joined room, scaled to fit with its aspect ratio kept. It repaints only when an update
 * arrived; the line above the picture reads frames per second and, while updates arrive, capture-to-paint latency
 * ("idle" when the picture is still; see {@link ViewerReadout}). While this viewer
 * holds the control token, pointer and keys go to the host in window coordinates. Closing the editor leaves the room.
 */
public final class ViewerEditor extends EditorPart {
    public static final String ID = "org.syncline.sharing.ui.editors.viewer";

    private RoomSession session;
    private Canvas canvas;
    private Label readout;
    private Image image;
    private UiRunner ui;
    private volatile boolean pending;
    private volatile long movesPainted;
    private final ViewerReadout numbers = new ViewerReadout();
    private final Consumer<RoomSession.Change> changes = this::changed;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof ViewerEditorInput v)) {
            throw new PartInitException("The viewer opens joined rooms only.");
        }
        setSite(site);
        setInput(input);
        session = v.session();
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        Composite area = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        area.setLayout(layout);
        readout = new Label(area, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        canvas = new Canvas(area, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseMove, this::pointer);
        canvas.addListener(SWT.MouseDown, this::pointer);
        canvas.addListener(SWT.MouseUp, this::pointer);
        canvas.addListener(SWT.MouseVerticalWheel, this::pointer);
        canvas.addListener(SWT.KeyDown, this::key);
        canvas.addListener(SWT.KeyUp, this::key);
        // while in control, Tab, Escape and Return belong to the shared window, not to SWT's traversal
        canvas.addListener(SWT.Traverse, e -> e.doit = !session.holdsToken());
        session.addListener(changes);
        tick();
        if (session.picture().width() > 0) {
            pending = true;
        }
        updateReadout();
    }

    private void changed(RoomSession.Change change) {
        if (change == RoomSession.Change.FRAME) {
            if (pending) {
                return; // one repaint covers every update that arrived meanwhile
            }
            pending = true;
            ui.execute(() -> {
                if (!canvas.isDisposed()) {
                    canvas.redraw();
                }
            });
        } else {
            ui.execute(this::updateReadout);
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        if (pending) {
            pending = false;
            RoomSession.FrameDecoding picture = session.picture();
            Rectangle have = image == null ? new Rectangle(0, 0, 0, 0) : image.getBounds();
            RoomSession.Patch patch = picture.changedSince(have.width, have.height);
            if (patch != null) {
                // only the changed part goes to the screen image: a whole new image per update cost the UI thread
                // a full-window copy and allocation each time
                if (patch.whole()) {
                    if (image != null) {
                        image.dispose();
                    }
                    image = new Image(canvas.getDisplay(), patch.pixels());
                } else {
                    GC onto = new GC(image);
                    // scrolling moves what is already on screen; only the rows scrolled in come from pixels
                    for (PaintPlan.Move m : patch.moves()) {
                        onto.copyArea(m.sourceX(), m.sourceY(), m.width(), m.height(), m.x(), m.y());
                    }
                    movesPainted += patch.moves().size();
                    if (patch.pixels() != null) {
                        Image piece = new Image(canvas.getDisplay(), patch.pixels());
                        onto.drawImage(piece, patch.x(), patch.y());
                        piece.dispose();
                    }
                    onto.dispose();
                }
                numbers.painted(session.picture().frames(), session.picture().capturedAtMillis(), System.nanoTime(),
                        System.currentTimeMillis());
                updateReadout();
            }
        }
        if (image == null) {
            gc.fillRectangle(area);
            return;
        }
        Rectangle target = Fit.into(image.getBounds().width, image.getBounds().height, area.width, area.height);
        gc.fillRectangle(area);
        gc.setInterpolation(SWT.HIGH);
        gc.drawImage(image, 0, 0, image.getBounds().width, image.getBounds().height, target.x, target.y, target.width, target.height);
    }

    /** Refreshes the readout once a second, so frames/s falls to 0 when the host sends nothing. */
    private void tick() {
        canvas.getDisplay().timerExec(1000, () -> {
            if (!canvas.isDisposed()) {
                updateReadout();
                tick();
            }
        });
    }

    private void updateReadout() {
        if (readout == null || readout.isDisposed()) {
            return;
        }
        String text;
        if (session.closedReason() != null) {
            text = session.closedReason();
        } else if (image == null) {
            text = "Waiting for the first picture of '" + session.details().title() + "'...";
        } else {
            text = String.format("%d x %d   %s   %s", image.getBounds().width, image.getBounds().height,
                    numbers.text(System.nanoTime()), session.holdsToken() ? "you are in control" : "view only (Request control in the Participants view)");
        }
        if (session.lastError() != null && session.closedReason() == null) {
            text = text + "   " + session.lastError();
        }
        readout.setText(text);
        readout.setToolTipText(text);
    }

    private void pointer(Event e) {
        if (!session.holdsToken() || image == null) {
            return;
        }
        Rectangle area = canvas.getClientArea();
        Rectangle target = Fit.into(image.getBounds().width, image.getBounds().height, area.width, area.height);
        int x = Fit.back(e.x, target.x, target.width, image.getBounds().width);
        int y = Fit.back(e.y, target.y, target.height, image.getBounds().height);
        switch (e.type) {
            case SWT.MouseMove -> session.send(new InputEvent(InputEvent.Kind.MOVE, x, y, 0, 0));
            case SWT.MouseDown -> {
                canvas.setFocus();
                session.send(new InputEvent(InputEvent.Kind.BUTTON_PRESS, x, y, x11Button(e.button), 0));
            }
            case SWT.MouseUp -> session.send(new InputEvent(InputEvent.Kind.BUTTON_RELEASE, x, y, x11Button(e.button), 0));
            case SWT.MouseVerticalWheel -> {
                int button = e.count > 0 ? 4 : 5;
                session.send(new InputEvent(InputEvent.Kind.BUTTON_PRESS, x, y, button, 0));
                session.send(new InputEvent(InputEvent.Kind.BUTTON_RELEASE, x, y, button, 0));
            }
            default -> {
                // no other pointer event is listened to
            }
        }
    }

    /** SWT numbers buttons 1 left, 2 middle, 3 right, 4 and 5 back/forward; X11 uses 8 and 9 for those, out of range here. */
    private static int x11Button(int swtButton) {
        return swtButton >= 1 && swtButton <= 3 ? swtButton : 1;
    }

    private void key(Event e) {
        if (!session.holdsToken()) {
            return;
        }
        int keysym = KeySyms.of(e.keyCode, e.character);
        if (keysym == 0) {
            return;
        }
        e.doit = false;
        session.send(new InputEvent(e.type == SWT.KeyDown ? InputEvent.Kind.KEY_PRESS : InputEvent.Kind.KEY_RELEASE, 0, 0, 0, keysym));
    }

    public RoomSession session() {
        return session;
    }

    /** How many updates the picture on screen includes (for tests and the readout). */
    public long paintedFrames() {
        return numbers.paintedUpdates();
    }

    /** How many moves (scrolls) were applied to the picture on screen instead of being repainted from pixels. */
    public long movesPainted() {
        return movesPainted;
    }

    /** A copy of the picture as this editor shows it, unscaled (for tests); null before the first picture. */
    public ImageData shownPicture() {
        return image == null ? null : image.getImageData();
    }

    public String readout() {
        return readout.getText();
    }

    /** The canvas the picture is painted on. */
    public Canvas canvas() {
        return canvas;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        session.removeListener(changes);
        session.close();
        if (image != null) {
            image.dispose();
        }
        super.dispose();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // a viewer has nothing to save
    }

    @Override
    public void doSaveAs() {
        // a viewer has nothing to save
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}
