package org.syncline.ui.internal.servers;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.core.HostPort;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.ui.FormDialog;

/** Asks where to connect and as whom; the OK button stays off until the input is valid. */
public final class ConnectDialog extends FormDialog {
    private Text host;
    private Text port;
    private Text user;
    private Text password;
    private Button savePassword;
    private ServerEntry entry;
    private char[] secret;
    private boolean save;

    public ConnectDialog(Shell parent) {
        super(parent, "Connect to Server", "Connect to a Syncline server",
                "The connection uses TLS; the server's certificate is checked against the one seen first.", SWT.DEFAULT);
    }

    @Override
    protected void createForm(Composite form) {
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(form);
        host = field(form, "&Host:", "localhost", SWT.BORDER);
        port = field(form, "&Port:", Integer.toString(HostPort.DEFAULT_PORT), SWT.BORDER);
        user = field(form, "&User:", "admin", SWT.BORDER);
        password = field(form, "Pass&word:", "", SWT.BORDER | SWT.PASSWORD);
        new Label(form, SWT.NONE);
        savePassword = new Button(form, SWT.CHECK);
        savePassword.setText("&Save the password in secure storage");
        password.setFocus();
    }

    private Text field(Composite form, String label, String initial, int style) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, style);
        text.setText(initial);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(text);
        text.addModifyListener(e -> validate());
        return text;
    }

    @Override
    protected String okLabel() {
        return "&Connect";
    }

    /** The first problem with the input; a password still to type is an instruction, not an error. */
    @Override
    protected String problem() {
        try {
            int p = HostPort.parsePort(port.getText().trim(), "port " + port.getText());
            new HostPort(host.getText().trim(), p);
            Names.requireUserName(user.getText().trim());
            return null;
        } catch (SynclineException e) {
            return e.getMessage();
        }
    }

    @Override
    protected String instruction() {
        return password.getText().isEmpty() ? "Enter the password." : null;
    }

    @Override
    protected void okPressed() {
        entry = new ServerEntry(new HostPort(host.getText().trim(), Integer.parseInt(port.getText().trim())), user.getText().trim());
        secret = password.getText().toCharArray();
        save = savePassword.getSelection();
        super.okPressed();
    }

    public ServerEntry entry() {
        return entry;
    }

    public char[] password() {
        return secret;
    }

    public boolean savePassword() {
        return save;
    }
}
