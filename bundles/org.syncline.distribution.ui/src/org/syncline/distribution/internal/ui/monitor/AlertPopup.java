package org.syncline.distribution.internal.ui.monitor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.syncline.distribution.AlertEvent;

/**
 * A small shell at the bottom-right of the workbench window telling that an alert was raised; it takes no
 * focus, fades out after a few seconds, and its link (or Ctrl+Alt+A from anywhere) opens the Alerts view.
 */
public final class AlertPopup {
    /** The key of the shell's data that holds the alert's message, so tests find the popup. */
    public static final String DATA_KEY = "org.syncline.distribution.alertPopup";
    private static final int SHOWN_MILLIS = 8000;
    private static final int FADE_STEPS = 10;
    private static Shell current;

    private AlertPopup() {
    }

    /** Shows the raised alert over {@code owner}'s window (replacing an earlier popup); {@code open} opens the Alerts view. */
    public static void show(Shell owner, AlertEvent e, Runnable open) {
        Display display = owner.getDisplay();
        if (current != null && !current.isDisposed()) {
            current.dispose();
        }
        Shell shell = new Shell(owner, SWT.ON_TOP | SWT.TOOL | SWT.NO_FOCUS | SWT.BORDER);
        current = shell;
        shell.setData(DATA_KEY, e.alert().message());
        shell.setText("Alert");
        // list colours: a light background with dark text in every theme (the tooltip colours are dark in some)
        shell.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        shell.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        GridLayoutFactory.fillDefaults().margins(10, 8).spacing(4, 4).applyTo(shell);
        Label title = new Label(shell, SWT.NONE);
        title.setFont(JFaceResources.getBannerFont());
        title.setText("Alert on " + e.alert().target() + ": " + e.alert().rule());
        title.setBackground(shell.getBackground());
        title.setForeground(display.getSystemColor(SWT.COLOR_DARK_RED));
        Label text = new Label(shell, SWT.WRAP);
        text.setText(e.alert().message());
        text.setBackground(shell.getBackground());
        text.setForeground(shell.getForeground());
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
        Link link = new Link(shell, SWT.NONE);
        link.setText("<a>Open the Alerts view</a> (Ctrl+Alt+A)");
        link.setBackground(shell.getBackground());
        link.setForeground(shell.getForeground());
        link.addListener(SWT.Selection, ev -> {
            shell.dispose();
            open.run();
        });
        Point size = shell.computeSize(360, SWT.DEFAULT);
        Rectangle area = owner.isVisible() ? owner.getBounds() : display.getPrimaryMonitor().getClientArea();
        shell.setBounds(area.x + area.width - size.x - 16, area.y + area.height - size.y - 16, size.x, size.y);
        shell.setVisible(true); // not open(): the popup must not take the focus from the user's work
        display.timerExec(SHOWN_MILLIS, () -> fade(shell, FADE_STEPS));
    }

    private static void fade(Shell shell, int step) {
        if (shell.isDisposed()) {
            return;
        }
        if (step <= 0) {
            shell.dispose();
            return;
        }
        shell.setAlpha(255 * step / FADE_STEPS);
        shell.getDisplay().timerExec(50, () -> fade(shell, step - 1));
    }
}
