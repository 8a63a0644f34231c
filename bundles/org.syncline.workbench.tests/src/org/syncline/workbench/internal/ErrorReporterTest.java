package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.ui.ErrorReporter;

/** A reported Syncline error reaches both the user (a dialog without a stack trace) and the Error Log. */
class ErrorReporterTest {
    private static final String ACTION = "Could not connect to alpha";

    private final List<IStatus> logged = new CopyOnWriteArrayList<>();
    private final ILogListener logListener = (status, plugin) -> logged.add(status);
    private boolean automatedMode;

    @BeforeEach
    void listen() {
        Platform.addLogListener(logListener);
        // Test harnesses may suppress error dialogs; this test is about the dialog.
        automatedMode = ErrorDialog.AUTOMATED_MODE;
        ErrorDialog.AUTOMATED_MODE = false;
    }

    @AfterEach
    void stopListening() {
        ErrorDialog.AUTOMATED_MODE = automatedMode;
        Platform.removeLogListener(logListener);
    }

    @Test
    void synclineErrorShowsItsCodeAndSentenceAndIsLoggedWithItsCause() {
        IOException cause = new IOException("Connection refused");
        ErrorReporter.report(ACTION, new SynclineException(ErrorCode.CONNECTION_FAILED,
                "The server did not answer; check its host and port.", cause));

        Shell dialog = UiEvents.waitFor("the error dialog", this::errorDialog);
        try {
            String shown = String.join("\n", UiEvents.texts(dialog));
            assertTrue(shown.contains("CONNECTION_FAILED: The server did not answer; check its host and port."),
                    "the dialog shows code and sentence: " + shown);
            assertTrue(!shown.contains("IOException") && !shown.contains("\tat "),
                    "the dialog shows no stack trace: " + shown);
        } finally {
            dialog.close();
        }

        IStatus entry = logged.stream().filter(s -> s.getMessage().startsWith(ACTION)).findFirst().orElse(null);
        assertNotNull(entry, "the Error Log has the failure: " + logged);
        assertTrue(entry.getMessage().contains("CONNECTION_FAILED"), entry.getMessage());
        assertTrue(entry.getException() != null && entry.getException().getCause() == cause,
                "the log keeps the exception and its cause");
    }

    private Shell errorDialog() {
        Shell workbenchShell = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell();
        for (Shell shell : Display.getCurrent().getShells()) {
            if (shell != workbenchShell && shell.isVisible()
                    && UiEvents.texts(shell).stream().anyMatch(text -> text.contains("CONNECTION_FAILED"))) {
                return shell;
            }
        }
        return null;
    }
}
