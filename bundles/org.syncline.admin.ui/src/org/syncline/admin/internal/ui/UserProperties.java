package org.syncline.admin.internal.ui;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.syncline.admin.UserInfo;

/** A user's fields, read-only: changes go through the Users view's commands, which the server checks. */
final class UserProperties implements IPropertySource {
    private static final String NAME = "name";
    private static final String ADMIN = "admin";
    private static final String GROUPS = "groups";
    private static final String CREATED = "created";

    private final UserInfo user;

    UserProperties(UserInfo user) {
        this.user = user;
    }

    @Override
    public Object getEditableValue() {
        return null;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return new IPropertyDescriptor[] { descriptor(NAME, "Name"), descriptor(ADMIN, "Administrator"),
                descriptor(GROUPS, "Groups"), descriptor(CREATED, "Created") };
    }

    private static PropertyDescriptor descriptor(String id, String label) {
        PropertyDescriptor d = new PropertyDescriptor(id, label);
        d.setCategory("User");
        return d;
    }

    @Override
    public Object getPropertyValue(Object id) {
        return switch ((String) id) {
            case NAME -> user.name();
            case ADMIN -> user.admin() ? "yes" : "no";
            case GROUPS -> user.groups().isEmpty() ? "(none)" : String.join(", ", user.groups());
            default -> UsersView.CREATED.format(user.created());
        };
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
        // read-only
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        // read-only
    }
}
