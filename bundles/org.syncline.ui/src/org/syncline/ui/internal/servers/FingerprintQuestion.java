package org.syncline.ui.internal.servers;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.syncline.core.HostPort;
import org.syncline.protocol.FingerprintPrompt;

/**
 * Asks the user, on the UI thread, whether to trust a server seen for the first time, showing its
 * certificate fingerprint (like SSH). A fingerprint the user already vouched for (the demo passes the
 * one its server printed) is accepted without asking.
 */
public final class FingerprintQuestion implements FingerprintPrompt {
    private final Display display;
    private final String expected;

    public FingerprintQuestion(Display display, String expectedFingerprint) {
        this.display = display;
        this.expected = expectedFingerprint;
    }

    @Override
    public boolean trustNewServer(HostPort server, String fingerprint) {
        if (expected != null && expected.equalsIgnoreCase(fingerprint)) {
            return true;
        }
        AtomicBoolean trusted = new AtomicBoolean();
        display.syncExec(() -> {
            MessageDialog dialog = new MessageDialog(display.getActiveShell(), "Trust " + server + "?", null,
                    "This is the first connection to " + server + ". Its certificate fingerprint (SHA-256) is:\n\n"
                            + fingerprint + "\n\nCompare it with the fingerprint the server printed when it started. "
                            + "Trust it only if they match; a different fingerprint later will be refused.",
                    MessageDialog.QUESTION, 1, "&Trust and Connect", "&Cancel");
            trusted.set(dialog.open() == 0);
        });
        return trusted.get();
    }
}
