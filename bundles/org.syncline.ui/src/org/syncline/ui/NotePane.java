package org.syncline.ui;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The area of a view that shows its content (a table, charts), or in its place one wrapped sentence saying why
 * there is nothing to show and what to do (connect, select, define one).
 */
public final class NotePane {
    private final Composite area;
    private final StackLayout layout = new StackLayout();
    private final Label note;

    /** Fills the room left in {@code parent}, which lays out with a GridLayout. */
    public NotePane(Composite parent) {
        area = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(area);
        area.setLayout(layout);
        note = new Label(area, SWT.WRAP);
    }

    /** The parent of the content. */
    public Composite area() {
        return area;
    }

    /** Shows {@code content}, a child of {@link #area()}. */
    public void show(Control content) {
        layout.topControl = content;
        area.layout();
    }

    /** Shows {@code why} instead of the content. */
    public void note(String why) {
        note.setText(why);
        layout.topControl = note;
        area.layout();
    }

    /** The sentence shown, or null while the content shows. */
    public String note() {
        return layout.topControl == note ? note.getText() : null;
    }

    public boolean isDisposed() {
        return area.isDisposed();
    }
}
