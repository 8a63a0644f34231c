package org.syncline.distribution.internal.ui;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Link;

/**
 * A line above the canvas that tells what happened outside the editor (someone else saved; our save's
 * warnings) and offers what to do, without a dialog in the way. Hidden when there is nothing to say.
 */
final class InfoBar {
    private final Composite bar;
    private final Link text;
    private Runnable onReload = () -> { };
    private Runnable onKeep = () -> { };

    InfoBar(Composite parent) {
        bar = new Composite(parent, SWT.NONE);
        bar.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
        GridLayoutFactory.fillDefaults().margins(6, 4).applyTo(bar);
        text = new Link(bar, SWT.WRAP);
        text.setBackground(bar.getBackground());
        text.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_INFO_FOREGROUND));
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(text);
        text.addListener(SWT.Selection, e -> {
            Runnable action = "reload".equals(e.text) ? onReload : "keep".equals(e.text) ? onKeep : null;
            hide();
            if (action != null) {
                action.run();
            }
        });
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(bar);
        bar.setVisible(false);
    }

    /** Shows {@code message}, whose {@code <a href="reload">} and {@code <a href="keep">} links run the actions. */
    void show(String message, Runnable reload, Runnable keep) {
        onReload = reload;
        onKeep = keep;
        text.setText(message + "   <a href=\"close\">Close</a>");
        ((org.eclipse.swt.layout.GridData) bar.getLayoutData()).exclude = false;
        bar.setVisible(true);
        bar.getParent().layout(true, true);
    }

    void hide() {
        if (!bar.isDisposed() && bar.isVisible()) {
            ((org.eclipse.swt.layout.GridData) bar.getLayoutData()).exclude = true;
            bar.setVisible(false);
            bar.getParent().layout(true, true);
        }
    }

    boolean isShown() {
        return bar.isVisible();
    }

    String message() {
        return text.getText();
    }
}
