package org.syncline.admin.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.syncline.admin.ui.UserSection;
import org.syncline.ui.ErrorReporter;

/** The sections other capabilities contribute to the user editor, a new set for each editor. */
final class UserSections {
    static final String POINT = "org.syncline.admin.ui.userSections";

    private UserSections() {
    }

    static List<UserSection> create() {
        List<UserSection> sections = new ArrayList<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(POINT)) {
            try {
                sections.add((UserSection) e.createExecutableExtension("class"));
            } catch (CoreException | ClassCastException ex) {
                // one broken contribution must not take the editor with it; the Error Log names it
                ErrorReporter.log("The user editor section of " + e.getContributor().getName() + " could not be made", ex);
            }
        }
        return sections;
    }
}
