package org.syncline.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/**
 * What the Properties view shows for an object a capability's view selects: labelled values in one
 * category, in the order given. Read-only, because changes go through the view's commands, which the server
 * checks.
 */
public final class ReadOnlyProperties implements IPropertySource {
    private final String category;
    private final Map<String, String> values;

    /** @param values label to value, in the order shown */
    public ReadOnlyProperties(String category, Map<String, String> values) {
        this.category = category;
        this.values = new LinkedHashMap<>(values);
    }

    @Override
    public Object getEditableValue() {
        return null;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return values.keySet().stream().map(label -> {
            PropertyDescriptor d = new PropertyDescriptor(label, label);
            d.setCategory(category);
            return d;
        }).toArray(IPropertyDescriptor[]::new);
    }

    @Override
    public Object getPropertyValue(Object id) {
        return values.get(id);
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
