package org.syncline.admin.internal.ui;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;
import org.syncline.admin.UserInfo;

/** Lets the Properties view show a user selected in the Users view, or a group selected in the Groups view. */
public final class UserPropertiesFactory implements IAdapterFactory {
    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        if (adaptable instanceof UserInfo u && type == IPropertySource.class) {
            return type.cast(UserProperties.of(u));
        }
        if (adaptable instanceof org.syncline.admin.GroupInfo g && type == IPropertySource.class) {
            return type.cast(GroupProperties.of(g));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IPropertySource.class };
    }
}
