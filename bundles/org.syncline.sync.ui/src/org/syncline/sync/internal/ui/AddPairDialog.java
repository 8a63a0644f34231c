package org.syncline.sync.internal.ui;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.core.SynclineException;
import org.syncline.sync.FolderInfo;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.FormDialog;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * Asks for a pair: a connected server, a local directory (typed or chosen) and a folder of that server (one
 * of its folders, or a new name that Add Pair creates).
 */
public final class AddPairDialog extends FormDialog {
    private final List<ConnectedServer> servers = Servers.connected().stream().filter(ConnectedServer::isConnected).toList();
    private Combo serverCombo;
    private Text dirText;
    private Combo folderCombo;
    private ConnectedServer server;
    private Path localDir;
    private String folder;

    public AddPairDialog(Shell shell) {
        super(shell, "Add Pair", "Add Pair",
                "Keep a local directory in step with a folder on a server. A folder name the server does not have yet is created.", SWT.DEFAULT);
    }

    @Override
    protected void createForm(Composite c) {
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        new Label(c, SWT.NONE).setText("&Server:");
        serverCombo = new Combo(c, SWT.READ_ONLY);
        servers.forEach(s -> serverCombo.add(s.label() + " (" + s.user() + ")"));
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(serverCombo);

        new Label(c, SWT.NONE).setText("&Local directory:");
        dirText = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(dirText);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setMessage("The local directory to keep in step");
            String chosen = d.open();
            if (chosen != null) {
                dirText.setText(chosen);
            }
        });

        new Label(c, SWT.NONE).setText("Server &folder:");
        folderCombo = new Combo(c, SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(folderCombo);

        serverCombo.addListener(SWT.Selection, e -> loadFolders());
        dirText.addListener(SWT.Modify, e -> validate());
        folderCombo.addListener(SWT.Modify, e -> validate());
        if (!servers.isEmpty()) {
            serverCombo.select(0);
            loadFolders();
        }
    }

    @Override
    protected String okLabel() {
        return "&Add";
    }

    private void loadFolders() {
        ConnectedServer s = servers.get(serverCombo.getSelectionIndex());
        UiRunner ui = new UiRunner(getShell().getDisplay());
        Thread t = new Thread(() -> {
            try {
                List<String> names = SyncClients.of(s).list().stream().map(FolderInfo::name).toList();
                ui.execute(() -> {
                    if (!folderCombo.isDisposed()) {
                        String typed = folderCombo.getText();
                        folderCombo.setItems(names.toArray(String[]::new));
                        folderCombo.setText(typed);
                    }
                });
            } catch (SynclineException e) {
                ui.execute(() -> {
                    if (!folderCombo.isDisposed()) {
                        setErrorMessage("The folders of " + s.label() + " cannot be listed: " + e.getMessage());
                    }
                });
            }
        }, "sync folders of " + s.label());
        t.setDaemon(true);
        t.start();
    }

    // what is still to fill in is an instruction; only what was filled in wrong is an error

    @Override
    protected String problem() {
        if (servers.isEmpty()) {
            return "Connect to a server first (Servers view).";
        }
        boolean relative = !dirText.getText().isBlank() && !Path.of(dirText.getText().trim()).isAbsolute();
        return relative ? "The local directory must be an absolute path." : null;
    }

    @Override
    protected String instruction() {
        if (dirText.getText().isBlank()) {
            return "Choose the local directory to keep in step with a folder of the server.";
        }
        return folderCombo.getText().isBlank() ? "Choose a folder of the server, or type the name of a new one (the server creates it)." : null;
    }

    @Override
    protected void okPressed() {
        server = servers.get(serverCombo.getSelectionIndex());
        localDir = Path.of(dirText.getText().trim());
        folder = folderCombo.getText().trim();
        super.okPressed();
    }

    ConnectedServer server() {
        return server;
    }

    Path localDir() {
        return localDir;
    }

    String folder() {
        return folder;
    }
}
