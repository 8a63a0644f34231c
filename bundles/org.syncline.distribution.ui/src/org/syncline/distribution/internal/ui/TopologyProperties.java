package org.syncline.distribution.internal.ui;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.ui.views.properties.IPropertySource;
import org.syncline.distribution.internal.ui.properties.TopologyPropertySource;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;

/** Lets the Properties view show and edit the region, group, server, route or deployment selected in the tree or the editor. */
public final class TopologyProperties implements IAdapterFactory {
    @Override
    public <T> T getAdapter(Object o, Class<T> type) {
        if (type != IPropertySource.class || !(o instanceof Server || o instanceof Group || o instanceof Region || o instanceof Route
                || o instanceof Deployment)) {
            return null;
        }
        return type.cast(new TopologyPropertySource((EObject) o));
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IPropertySource.class };
    }
}
