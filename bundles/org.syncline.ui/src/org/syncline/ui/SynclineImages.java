package org.syncline.ui;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.graphics.Image;
import org.syncline.ui.internal.UiBundle;

/**
 * The icons every Syncline view shares, by key. Images live in JFace's registry for the display, so they
 * are created once and disposed with the display; callers must not dispose them. A {@code @2x} file next to
 * each icon is picked up on high-DPI screens.
 */
public final class SynclineImages {
    public static final String SERVER_CONNECTED = "icons/server_connected.png";
    public static final String SERVER_CONNECTING = "icons/server_connecting.png";
    public static final String SERVER_DISCONNECTED = "icons/server_disconnected.png";
    public static final String SERVERS = "icons/servers.png";

    private SynclineImages() {
    }

    /** The shared image for {@code key}; call on the UI thread. */
    public static Image get(String key) {
        ImageRegistry registry = JFaceResources.getImageRegistry();
        String registryKey = UiBundle.ID + "/" + key;
        Image image = registry.get(registryKey);
        if (image == null) {
            registry.put(registryKey, descriptor(key));
            image = registry.get(registryKey);
        }
        return image;
    }

    /** A descriptor for {@code key}, for actions and wizards that create their own images. */
    public static ImageDescriptor descriptor(String key) {
        return ResourceLocator.imageDescriptorFromBundle(UiBundle.ID, key)
                .orElseGet(ImageDescriptor::getMissingImageDescriptor);
    }
}
