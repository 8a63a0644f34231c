package org.syncline.documents.internal.ui;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;
import org.syncline.documents.DocumentInfo;

/** Lets the Properties view show a document selected in the browser, or a node selected in the Nodes view. */
public final class DocumentPropertiesFactory implements IAdapterFactory {
    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        if (adaptable instanceof DocumentInfo d && type == IPropertySource.class) {
            return type.cast(DocumentProperties.of(d));
        }
        if (adaptable instanceof org.syncline.documents.NodeInfo n && type == IPropertySource.class) {
            return type.cast(NodeProperties.of(n));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IPropertySource.class };
    }
}
