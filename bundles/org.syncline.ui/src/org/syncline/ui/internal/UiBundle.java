package org.syncline.ui.internal;

/** The identity of this bundle, for statuses and bundle-relative resources. */
public final class UiBundle {
    public static final String ID = "org.syncline.ui";

    private UiBundle() {
    }
}
