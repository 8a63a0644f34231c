package org.syncline.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;

/**
 * Suggests names in a text field as they are typed, from the server: each change of the text asks for the names that
 * start with it (on a thread of its own, never the UI's), and the names that came for the newest text show in a
 * list under the field (arrows choose, Enter takes one, Esc closes; Ctrl+Space opens it). An answer for text that
 * has changed since is dropped. A server that cannot suggest leaves the field as a plain field: suggestions are a
 * convenience, the server checks the name when it is used.
 */
public final class NameSuggestions {
    private final Text field;
    private final Function<String, List<String>> names;
    private final ContentProposalAdapter adapter;
    /** The names that came for {@link #asked}; UI thread only. */
    private List<String> shown = List.of();
    private String asked = "";
    /** The text was just replaced by a chosen name: that change asks for nothing. */
    private boolean chosen;

    private NameSuggestions(Text field, Function<String, List<String>> names) {
        this.field = field;
        this.names = names;
        adapter = new ContentProposalAdapter(field, new TextContentAdapter(), (contents, position) -> proposals(contents),
                KeyStroke.getInstance(SWT.CTRL, ' '), null);
        adapter.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_REPLACE);
        adapter.addContentProposalListener(p -> chosen = true);
        // as wide as the field, eight names high (the default is a large box for a list of a few names)
        field.addListener(SWT.Resize, e -> adapter.setPopupSize(new org.eclipse.swt.graphics.Point(field.getSize().x,
                field.getLineHeight() * 8 + 8)));
        field.addModifyListener(e -> typed());
        field.setData(NameSuggestions.class.getName(), this);
    }

    /** The suggestions attached to {@code field}, or null: for tests, which find the field as a user does. */
    public static NameSuggestions of(Text field) {
        return field.getData(NameSuggestions.class.getName()) instanceof NameSuggestions s ? s : null;
    }

    /**
     * Suggests for {@code field} the names {@code names} gives for what is typed (lower-cased and stripped); it runs
     * off the UI thread and may throw (no suggestions then).
     */
    public static NameSuggestions attach(Text field, Function<String, List<String>> names) {
        return new NameSuggestions(field, names);
    }

    /** The names that came for the newest text, whether or not the list shows: for tests. */
    public List<String> suggested() {
        return shown;
    }

    private IContentProposal[] proposals(String contents) {
        String typed = contents.strip().toLowerCase(Locale.ROOT);
        return shown.stream().filter(n -> n.startsWith(typed) && !n.equals(typed)).map(n -> new ContentProposal(n, n, null))
                .toArray(IContentProposal[]::new);
    }

    private void typed() {
        if (chosen) {
            chosen = false;
            return;
        }
        String prefix = field.getText().strip().toLowerCase(Locale.ROOT);
        asked = prefix;
        if (prefix.isEmpty()) {
            shown = List.of();
            return;
        }
        Display display = field.getDisplay();
        Thread.ofVirtual().name("name suggestions").start(() -> {
            List<String> found;
            try {
                found = List.copyOf(names.apply(prefix));
            } catch (RuntimeException e) {
                found = List.of(); // no suggestions from this server now; the field works without them
            }
            List<String> result = found;
            display.asyncExec(() -> arrived(prefix, result));
        });
    }

    private void arrived(String prefix, List<String> found) {
        if (field.isDisposed() || !prefix.equals(asked)) {
            return;
        }
        shown = found;
        if (!field.isFocusControl()) {
            return;
        }
        if (proposals(field.getText()).length == 0) {
            if (adapter.isProposalPopupOpen()) {
                adapter.closeProposalPopup();
            }
        } else if (adapter.isProposalPopupOpen()) {
            adapter.refresh();
        } else {
            adapter.openProposalPopup();
        }
    }
}
