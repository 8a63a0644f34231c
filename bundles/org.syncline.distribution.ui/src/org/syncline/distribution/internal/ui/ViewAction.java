package org.syncline.distribution.internal.ui;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;

/**
 * An action of a view's toolbar and context menu: its label (with mnemonic), a tooltip naming its key, and an icon
 * from this bundle's {@code icons/} folder, so no toolbar shows a row of words.
 */
public final class ViewAction extends Action {
    private static final String BUNDLE = "org.syncline.distribution.ui";
    private final Runnable run;

    private ViewAction(String text, String tip, String icon, Runnable run) {
        super(text);
        this.run = run;
        setToolTipText(tip);
        setImageDescriptor(ResourceLocator.imageDescriptorFromBundle(BUNDLE, "icons/" + icon + ".png")
                .orElseGet(ImageDescriptor::getMissingImageDescriptor));
    }

    /** {@code icon} names a file in icons/ without its extension, e.g. "refresh". */
    public static ViewAction of(String text, String tip, String icon, Runnable run) {
        return new ViewAction(text, tip, icon, run);
    }

    @Override
    public void run() {
        run.run();
    }
}
