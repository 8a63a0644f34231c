package org.syncline.admin.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.syncline.ui.ErrorReporter;

/**
 * What other capabilities contribute to administration's parts, a new set for each part: sections of the user
 * editor ({@code userSections}, the sync quota field) and columns of the Users view ({@code userColumns}, the
 * sync quota used of its limit).
 */
final class Contributions {
    static final String SECTIONS = "org.syncline.admin.ui.userSections";
    static final String COLUMNS = "org.syncline.admin.ui.userColumns";

    private Contributions() {
    }

    /** One new instance of each contribution's {@code class} to {@code point}; {@code what} names it in the Error Log. */
    static <T> List<T> create(String point, Class<T> type, String what) {
        List<T> made = new ArrayList<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(point)) {
            try {
                made.add(type.cast(e.createExecutableExtension("class")));
            } catch (CoreException | ClassCastException ex) {
                // one broken contribution must not take the part with it; the Error Log names it
                ErrorReporter.log("The " + what + " of " + e.getContributor().getName() + " could not be made", ex);
            }
        }
        return made;
    }
}
