package org.syncline.workbench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Lets the UI thread catch up, and reads what a window shows, for tests that run on that thread. */
final class UiEvents {
    private static final long TIMEOUT_MILLIS = 10_000;

    private UiEvents() {
    }

    /** Dispatches pending events, so async work and layouts are done. */
    static void flush() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // keep dispatching
        }
    }

    /** Dispatches events until {@code condition} yields a value, or fails after ten seconds. */
    static <T> T waitFor(String what, Supplier<T> condition) {
        return waitFor(what, condition, TIMEOUT_MILLIS / 1000);
    }

    /** Dispatches events until {@code condition} yields a value, or fails after {@code seconds}. */
    static <T> T waitFor(String what, Supplier<T> condition, long seconds) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < deadline) {
            flush();
            T value = condition.get();
            if (value != null) {
                return value;
            }
            display.timerExec(50, () -> { });
            display.sleep();
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /**
     * Spins the event loop until {@code condition} holds, for up to 30 s: long enough for work that involves
     * a real server process on a loaded machine.
     */
    static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                Thread.sleep(20);
            }
        }
    }

    /** Every piece of text a user can read in {@code control} and below it. */
    static List<String> texts(Control control) {
        List<String> texts = new ArrayList<>();
        collect(control, texts);
        return texts;
    }

    private static void collect(Control control, List<String> texts) {
        if (control instanceof Label label) {
            texts.add(label.getText());
        } else if (control instanceof Link link) {
            texts.add(link.getText());
        } else if (control instanceof Text text) {
            texts.add(text.getText());
        } else if (control instanceof org.eclipse.swt.custom.StyledText styled) {
            texts.add(styled.getText());
        } else if (control instanceof org.eclipse.swt.custom.CLabel label && label.getText() != null) {
            texts.add(label.getText());
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, texts);
            }
        }
    }

    /** What opens a dialog: a command run, a method called. */
    @FunctionalInterface
    interface Opening {
        void open() throws Exception;
    }

    /**
     * Opens the dialog titled {@code title} with {@code opening}, types {@code typed} into its field that suggests
     * names, and returns the names the server suggested (empty when none came within 15 s); the dialog is closed.
     */
    static List<String> nameSuggestions(String title, String typed, Opening opening) throws Exception {
        List<String> suggested = new java.util.ArrayList<>();
        int[] polls = { 0 };
        whenDialogShown(title, new String[1], shell -> {
            org.eclipse.swt.widgets.Text name = find(shell, org.eclipse.swt.widgets.Text.class, t -> org.syncline.ui.NameSuggestions.of(t) != null);
            if (name == null) {
                return false;
            }
            org.syncline.ui.NameSuggestions names = org.syncline.ui.NameSuggestions.of(name);
            if (name.getText().isEmpty()) {
                // typed without the focus: the names are asked for all the same, and no list pops up to outlive the dialog
                name.setText(typed);
            }
            if (names.suggested().isEmpty() && ++polls[0] < 150) {
                return false; // asked; the answer comes on its own thread
            }
            suggested.addAll(names.suggested());
            shell.close();
            return true;
        });
        opening.open();
        return suggested;
    }

    /** Closes the next dialog titled {@code title} once it shows, keeping what it said. */
    static void closeDialogWhenShown(String title, String[] text) {
        whenDialogShown(title, text, shell -> {
            shell.close();
            return true;
        });
    }

    /** Presses the button labelled {@code button} (e.g. "OK", "Cancel") of the next dialog titled {@code title}, keeping what it said. */
    static void answerDialogWhenShown(String title, String button, String[] text) {
        whenDialogShown(title, text, shell -> {
            org.eclipse.swt.widgets.Button b = buttonLabelled(shell, button);
            if (b == null) {
                return false;
            }
            b.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            return true;
        });
    }

    /**
     * Polls every 100 ms for a visible dialog titled {@code title}, keeps what it says in {@code text[0]} and
     * runs {@code action} on it; polling stops once the action says it is done.
     */
    static void whenDialogShown(String title, String[] text, java.util.function.Predicate<Shell> action) {
        Display display = Display.getCurrent();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell shell : display.getShells()) {
                if (title.equals(shell.getText()) && shell.isVisible()) {
                    text[0] = String.join("\n", texts(shell));
                    if (action.test(shell)) {
                        return;
                    }
                }
            }
            display.timerExec(100, poll[0]);
        };
        display.timerExec(100, poll[0]);
    }

    private static org.eclipse.swt.widgets.Button buttonLabelled(Control parent, String label) {
        return find(parent, org.eclipse.swt.widgets.Button.class, b -> label.equals(b.getText().replace("&", "")));
    }

    /** The first control of {@code type} at or below {@code root} (depth first) that {@code wanted} accepts, or null. */
    static <T extends Control> T find(Control root, Class<T> type, Predicate<? super T> wanted) {
        return find(root, type, wanted, false);
    }

    /** As {@link #find}, among the controls a user can see: an invisible control and all below it are passed over. */
    static <T extends Control> T findVisible(Control root, Class<T> type, Predicate<? super T> wanted) {
        return find(root, type, wanted, true);
    }

    private static <T extends Control> T find(Control control, Class<T> type, Predicate<? super T> wanted, boolean visibleOnly) {
        if (visibleOnly && !control.isVisible()) {
            return null;
        }
        if (type.isInstance(control) && wanted.test(type.cast(control))) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                T found = find(child, type, wanted, visibleOnly);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
