package org.syncline.distribution.internal.ui;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.validation.TopologyValidation;

/**
 * The validator's findings under the canvas, like the Problems view: severity and sentence; a double-click
 * (or Enter) selects the element the problem is about.
 */
final class ProblemList {
    /** One finding: the element it names (data[0] of the diagnostic), its severity and its sentence. */
    record Problem(EObject element, int severity, String message) {
    }

    private final Table table;
    private List<Problem> problems = List.of();

    ProblemList(Composite parent, Consumer<EObject> select) {
        table = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setHeaderVisible(true);
        column("Severity", 80);
        column("Problem", 700);
        table.addListener(SWT.DefaultSelection, e -> {
            int i = table.getSelectionIndex();
            if (i >= 0 && i < problems.size() && problems.get(i).element() != null) {
                select.accept(problems.get(i).element());
            }
        });
    }

    private void column(String title, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(title);
        c.setWidth(org.syncline.ui.ColumnTable.widthFor(table, width, title));
    }

    Table control() {
        return table;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Validates {@code d} and shows what it finds. */
    List<Problem> validate(Deployment d) {
        List<Problem> found = new ArrayList<>();
        for (Diagnostic c : TopologyValidation.diagnose(d).getChildren()) {
            if (c.getSeverity() >= Diagnostic.WARNING) {
                EObject element = !c.getData().isEmpty() && c.getData().get(0) instanceof EObject o ? o : null;
                found.add(new Problem(element, c.getSeverity(), c.getMessage()));
            }
        }
        found.sort((a, b) -> Integer.compare(b.severity(), a.severity()));
        problems = found;
        table.removeAll();
        for (Problem p : found) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { p.severity() >= Diagnostic.ERROR ? "Error" : "Warning", p.message() });
        }
        return found;
    }

    /** The worst severity per element, for the outlines on the canvas. */
    static Map<EObject, Integer> severities(List<Problem> problems) {
        Map<EObject, Integer> m = new IdentityHashMap<>();
        for (Problem p : problems) {
            if (p.element() != null) {
                m.merge(p.element(), p.severity(), Math::max);
            }
        }
        return m;
    }

    /** The sentences per element, one per line, for the canvas's tooltips. */
    static Map<EObject, String> messages(List<Problem> problems) {
        Map<EObject, String> m = new IdentityHashMap<>();
        for (Problem p : problems) {
            if (p.element() != null) {
                m.merge(p.element(), p.message(), (a, b) -> a + "\n" + b);
            }
        }
        return m;
    }
}
