package org.syncline.documents.internal.ui;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;
import org.syncline.documents.DocumentInfo;

/** Lets the Properties view show a document selected in the browser. */
public final class DocumentPropertiesFactory implements IAdapterFactory {
    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        if (adaptable instanceof DocumentInfo d && type == IPropertySource.class) {
            return type.cast(DocumentProperties.of(d));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IPropertySource.class };
    }
}
