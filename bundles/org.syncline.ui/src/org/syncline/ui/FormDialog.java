package org.syncline.ui;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * The frame every Syncline form dialog shares: a window title, the title area's title and a default message, a form
 * below it, and OK / Cancel (Enter is OK while it is enabled, Esc is Cancel). What blocks OK is said in one place, the
 * title area, instead of each dialog wiring its own check to the button.
 * <p>
 * A subclass provides:
 * <ul>
 * <li>{@link #createForm(Composite)}: its fields, in a composite with a two-column grid (change the layout for
 * more columns); it calls {@link #validate()} from the listeners of whatever {@link #problem()} or
 * {@link #instruction()} read;</li>
 * <li>{@link #problem()}: input that is wrong, said in red; and/or {@link #instruction()}: input still to give, said in
 * place of the default message. Either keeps OK disabled; with neither the default message is back and OK is
 * enabled. Both default to none, for dialogs whose OK is always allowed;</li>
 * <li>optionally {@link #okLabel()} for a button that names the action, and {@link #message()} for a default message
 * that depends on the input.</li>
 * </ul>
 * A refusal that only the server can make (after OK) is shown with {@link #setErrorMessage(String)}, the dialog
 * staying open with what was typed.
 */
public abstract class FormDialog extends TitleAreaDialog {
    private final String shellTitle;
    private final String title;
    private final String message;
    private final int width;

    /**
     * @param shell the parent shell
     * @param shellTitle the window's title, or null for none
     * @param title the title area's title
     * @param message the default message of the title area, shown while nothing blocks OK
     * @param width the width the dialog opens with (the message wraps to it), or {@link SWT#DEFAULT} for the width the
     *            form needs
     */
    protected FormDialog(Shell shell, String shellTitle, String title, String message, int width) {
        super(shell);
        this.shellTitle = shellTitle;
        this.title = title;
        this.message = message;
        this.width = width;
    }

    /** Fills {@code form}, a composite that grabs the dialog area and has a two-column grid layout. */
    protected abstract void createForm(Composite form);

    /** A sentence naming input that is wrong and how to put it right (shown in red, OK disabled); null when none. */
    protected String problem() {
        return null;
    }

    /**
     * A sentence saying what is still to give (shown as the message, OK disabled); null when nothing is. Asked only
     * when there is no {@link #problem()}: what is missing is no error.
     */
    protected String instruction() {
        return null;
    }

    /** The message shown while nothing blocks OK: by default the one given to the constructor. */
    protected String message() {
        return message;
    }

    /** The label of the OK button, with its mnemonic. */
    protected String okLabel() {
        return IDialogConstants.OK_LABEL;
    }

    /** Shows the problem or the instruction, or the default message when there is neither, and enables OK then only. */
    protected final void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null) {
            return; // still creating the form: validated once the buttons are there
        }
        String problem = problem();
        String instruction = problem == null ? instruction() : null;
        setErrorMessage(problem);
        setMessage(instruction != null ? instruction : message());
        ok.setEnabled(problem == null && instruction == null);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        if (shellTitle != null) {
            shell.setText(shellTitle);
        }
    }

    /** As wide as the width given, when one is, not as the one-line message would be; the message wraps. */
    @Override
    protected Point getInitialSize() {
        return width == SWT.DEFAULT ? super.getInitialSize() : getShell().computeSize(width, SWT.DEFAULT, true);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(title);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        createForm(form);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, okLabel(), true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }
}
