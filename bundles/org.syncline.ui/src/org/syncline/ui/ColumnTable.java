package org.syncline.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

/**
 * A virtual table of records: the rows are sorted here and only the visible ones get items, so 100,000 rows
 * (a run's file reports) show at once. A click on a column header sorts by it (again: the other way).
 */
public final class ColumnTable<T> {
    public record Column<T>(String title, int width, Function<T, String> text, Comparator<T> order) {
        public static <T> Column<T> text(String title, int width, Function<T, String> text) {
            return new Column<>(title, width, text, Comparator.comparing(text, String.CASE_INSENSITIVE_ORDER));
        }

        public static <T> Column<T> number(String title, int width, Function<T, String> text, Function<T, Long> value) {
            return new Column<>(title, width, text, Comparator.comparing(value));
        }
    }

    private final RowViewer viewer;
    private final List<Column<T>> columns;
    /** Each column's width when there is room: its own, or its title's where that is wider. */
    private final int[] preferred;
    private final Function<T, Object> key;
    private List<T> rows = new ArrayList<>();
    private int sortColumn;
    private boolean ascending;

    /** {@code key} tells when a row stands for the same thing as before (its selection is kept over a refresh). */
    public ColumnTable(Composite parent, List<Column<T>> columns, int sortColumn, boolean ascending, Function<T, Object> key) {
        this.columns = columns;
        this.sortColumn = sortColumn;
        this.ascending = ascending;
        this.key = key;
        viewer = new RowViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER | SWT.VIRTUAL | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new ILazyContentProvider() {
            @Override
            public void updateElement(int index) {
                if (index < rows.size()) {
                    viewer.replace(rows.get(index), index);
                }
            }

            @Override
            public void inputChanged(Viewer v, Object oldInput, Object newInput) {
                // the rows are this table's own list
            }
        });
        preferred = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column<T> c = columns.get(i);
            preferred[i] = widthFor(table, c.width(), c.title());
            TableViewerColumn col = addColumn(viewer, c.title(), preferred[i], c.text());
            col.getColumn().setMoveable(true);
            int index = i;
            col.getColumn().addListener(SWT.Selection, e -> sortBy(index));
        }
        viewer.setInput(rows);
        showSort();
        table.addListener(SWT.Resize, e -> fit());
    }

    /**
     * Adds a column to {@code viewer} that shows each row (of type {@code T}) as {@code text} gives it, {@code width}
     * wide or as wide as its title.
     */
    public static <T> TableViewerColumn addColumn(TableViewer viewer, String title, int width, Function<T, String> text) {
        TableViewerColumn col = new TableViewerColumn(viewer, SWT.LEFT);
        col.getColumn().setText(title);
        col.getColumn().setWidth(widthFor(viewer.getTable(), width, title));
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public String getText(Object o) {
                return text.apply((T) o);
            }
        });
        return col;
    }

    /**
     * Fits the columns into the table's width, so a narrow panel (the Job Log sits below the editor) shows every
     * column without scrolling sideways. Columns keep their preferred widths while those fit; else the last
     * column (the free text: errors, paths) gives up its room first, down to its title, then the others shrink
     * in proportion, none below its title while that is possible. A wider table gives the room left to the last.
     */
    void fit() {
        Table table = viewer.getTable();
        int available = table.getClientArea().width;
        int n = columns.size();
        if (available <= 0 || n == 0) {
            return;
        }
        int[] w = preferred.clone();
        int[] min = new int[n];
        for (int i = 0; i < n; i++) {
            min[i] = Math.min(w[i], minimum(i));
        }
        int excess = sum(w) - available;
        if (excess <= 0) {
            w[n - 1] -= excess; // the room left goes to the last column
        } else {
            int fromLast = Math.min(excess, w[n - 1] - min[n - 1]);
            w[n - 1] -= fromLast;
            excess -= fromLast;
            if (excess > 0) {
                int others = sum(w) - w[n - 1];
                double ratio = (double) (others - excess) / others;
                for (int i = 0; i < n - 1; i++) {
                    w[i] = Math.max(min[i], (int) Math.floor(w[i] * ratio));
                }
            }
            if (sum(w) > available) { // even the titles do not fit: everything in proportion
                double ratio = (double) available / sum(w);
                for (int i = 0; i < n; i++) {
                    w[i] = (int) Math.floor(w[i] * ratio);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            table.getColumn(i).setWidth(w[i]);
        }
    }

    private static int sum(int[] w) {
        int s = 0;
        for (int x : w) {
            s += x;
        }
        return s;
    }

    /** The narrowest a column may get: its title, or 36 px. */
    private int minimum(int column) {
        return widthFor(viewer.getTable(), 36, columns.get(column).title());
    }

    /**
     * A column width that shows its title and typical values whole in {@code control}'s font, or {@code preferred}
     * when that is wider. Fixed pixel widths cut "Revision" to "Revisi" and a time before its AM / PM in a font
     * a little larger than the one they were chosen in.
     *
     * @param values the widest values the column usually shows
     */
    public static int widthFor(org.eclipse.swt.widgets.Control control, int preferred, String title, String... values) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(control);
        try {
            int widest = 0;
            for (String v : values) {
                widest = Math.max(widest, gc.textExtent(v).x);
            }
            // GTK themes draw column headers in bold
            gc.setFont(org.eclipse.jface.resource.JFaceResources.getFontRegistry().getBold(
                    org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT));
            widest = Math.max(widest, gc.textExtent(title).x);
            return Math.max(preferred, widest + CELL_MARGIN);
        } finally {
            gc.dispose();
        }
    }

    /** What a cell or header adds around its text: the padding on both sides and a header's sort arrow. */
    public static final int CELL_MARGIN = 28;

    /**
     * A table viewer that can drop its items together with its map from rows to items. Dropping the items
     * alone (Table.setItemCount(0)) left the map pointing at disposed items: a row equal to an old one then
     * found the disposed item first, and selecting it (as after the Remove dialog re-read the same jobs)
     * selected nothing.
     */
    private static final class RowViewer extends TableViewer {
        RowViewer(Composite parent, int style) {
            super(parent, style);
        }

        void dropItems() {
            unmapAllElements();
            getTable().setItemCount(0);
        }
    }

    public TableViewer viewer() {
        return viewer;
    }

    /** Shows {@code next} sorted; the selected row stays selected when a row with its key is still there. */
    public void setRows(List<T> next) {
        T was = selected();
        rows = new ArrayList<>(next);
        sort();
        viewer.dropItems();
        viewer.setItemCount(rows.size());
        viewer.refresh();
        if (was != null) {
            select(key.apply(was));
        }
    }

    /** Replaces the row with the key of {@code row} (or adds it) without losing the selection. */
    public void put(T row) {
        Object k = key.apply(row);
        List<T> next = new ArrayList<>(rows);
        next.removeIf(r -> Objects.equals(key.apply(r), k));
        next.add(row);
        setRows(next);
    }

    /** Selects the row with {@code k} and tells the viewer's listeners; false when there is none. */
    public boolean select(Object k) {
        for (int i = 0; i < rows.size(); i++) {
            if (Objects.equals(key.apply(rows.get(i)), k)) {
                viewer.replace(rows.get(i), i); // a virtual row not painted yet has no item to select
                viewer.setSelection(new StructuredSelection(rows.get(i)), true);
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    public T selected() {
        Object o = viewer.getStructuredSelection().getFirstElement();
        return o == null ? null : (T) o;
    }

    public List<T> rows() {
        return List.copyOf(rows);
    }

    /** The rows as shown (sorted), each as its columns' texts. */
    public List<List<String>> texts() {
        return rows.stream().map(r -> columns.stream().map(c -> c.text().apply(r)).toList()).toList();
    }

    public void sortBy(int index) {
        ascending = index == sortColumn ? !ascending : true;
        sortColumn = index;
        showSort();
        setRows(rows);
    }

    private void sort() {
        Comparator<T> order = columns.get(sortColumn).order();
        rows.sort(ascending ? order : order.reversed());
    }

    private void showSort() {
        Table t = viewer.getTable();
        t.setSortColumn(t.getColumn(sortColumn));
        t.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
    }
}
