package org.syncline.ui.internal.views;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.syncline.ui.SynclineImages;

/** The Servers view's columns: title, share of the width, alignment and what each shows of a row. */
enum ServerColumn {
    SERVER("Server", 25, SWT.LEFT, ServerRow::name),
    STATE("State", 15, SWT.LEFT, row -> row.state().label()) {
        @Override
        Image image(ServerRow row) {
            return SynclineImages.get(row.state().imageKey());
        }

        @Override
        int imageWidth() {
            return 20;
        }
    },
    VERSION("Version", 12, SWT.LEFT, row -> row.version() == null ? "" : row.version()),
    UPTIME("Uptime", 12, SWT.RIGHT, row -> UptimeText.of(row.uptime())),
    SESSIONS("Sessions", 10, SWT.RIGHT, row -> row.version() == null ? "" : Integer.toString(row.sessions())),
    ROLES("Roles", 26, SWT.LEFT, row -> String.join(", ", row.roles()));

    private final String title;
    private final int weight;
    private final int alignment;
    private final Function<ServerRow, String> text;

    ServerColumn(String title, int weight, int alignment, Function<ServerRow, String> text) {
        this.title = title;
        this.weight = weight;
        this.alignment = alignment;
        this.text = text;
    }

    String title() {
        return title;
    }

    int weight() {
        return weight;
    }

    int alignment() {
        return alignment;
    }

    Image image(ServerRow row) {
        return null;
    }

    /** The room a cell's image takes before its text. */
    int imageWidth() {
        return 0;
    }

    String text(ServerRow row) {
        return text.apply(row);
    }

    ColumnLabelProvider labelProvider() {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text((ServerRow) element);
            }

            @Override
            public Image getImage(Object element) {
                return image((ServerRow) element);
            }
        };
    }
}
