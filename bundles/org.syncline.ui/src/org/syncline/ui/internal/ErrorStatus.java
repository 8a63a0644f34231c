package org.syncline.ui.internal;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.syncline.core.SynclineException;

/**
 * Builds the statuses {@link org.syncline.ui.ErrorReporter} hands to the workbench. A
 * {@link SynclineException} already carries a code and a sentence written for users, so the dialog shows only
 * that; the log always keeps the throwable, because that is where a stack trace helps.
 */
public final class ErrorStatus {
    private static final int MAX_CAUSE_DEPTH = 16;

    private ErrorStatus() {
    }

    /** What the dialog shows: {@code CODE: sentence} for Syncline errors, the throwable for anything else. */
    public static IStatus forDialog(Throwable error) {
        SynclineException known = findSynclineException(error);
        if (known != null) {
            return new Status(IStatus.ERROR, UiBundle.ID, known.toUserText());
        }
        return new Status(IStatus.ERROR, UiBundle.ID, userText(error), error);
    }

    /** What the Error Log keeps: the action that failed, the user text, and the full throwable. */
    public static IStatus forLog(String action, Throwable error) {
        return new Status(IStatus.ERROR, UiBundle.ID, action + ": " + userText(error), error);
    }

    /** One line for a person: the Syncline code and sentence, else the message, else the type's name. */
    public static String userText(Throwable error) {
        SynclineException known = findSynclineException(error);
        if (known != null) {
            return known.toUserText();
        }
        Throwable shown = unwrap(error);
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
    }

    /**
     * Jobs and runnable contexts wrap what actually went wrong; a Syncline error anywhere in the cause chain
     * is the one worth showing.
     */
    static SynclineException findSynclineException(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof SynclineException known) {
                return known;
            }
            current = current.getCause();
        }
        return null;
    }

    private static Throwable unwrap(Throwable error) {
        if (error instanceof InvocationTargetException wrapper && wrapper.getTargetException() != null) {
            return wrapper.getTargetException();
        }
        return error;
    }
}
