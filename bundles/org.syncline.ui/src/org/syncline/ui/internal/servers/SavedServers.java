package org.syncline.ui.internal.servers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.prefs.BackingStoreException;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/**
 * The servers the user added, kept in the workbench's preferences; passwords only in Equinox secure
 * storage, and only when the user asked for it.
 */
public final class SavedServers {
    private static final String NODE = "org.syncline.ui";
    private static final String KEY = "servers";
    private static final String SECURE_ROOT = "/org.syncline/servers";

    public List<ServerEntry> load() {
        String text = preferences().get(KEY, "[]");
        List<ServerEntry> entries = new ArrayList<>();
        try {
            Object parsed = Json.parse(text);
            if (parsed instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof java.util.Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        java.util.Map<String, Object> map = (java.util.Map<String, Object>) m;
                        entries.add(ServerEntry.fromJson(new JsonObject(map)));
                    }
                }
            }
        } catch (SynclineException e) {
            // a damaged preference loses the list, not the workbench
        }
        return entries;
    }

    public void save(List<ServerEntry> entries) {
        IEclipsePreferences prefs = preferences();
        prefs.put(KEY, Json.write(entries.stream().map(ServerEntry::toJson).toList()));
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            throw new SynclineException(ErrorCode.CONFIG, "The list of servers could not be saved: " + e.getMessage(), e);
        }
    }

    /** The saved password, or null when none was saved or secure storage cannot be opened. */
    public char[] password(ServerEntry entry) {
        try {
            ISecurePreferences node = SecurePreferencesFactory.getDefault().node(secureNode(entry));
            String pw = node.get("password", null);
            return pw == null ? null : pw.toCharArray();
        } catch (StorageException | RuntimeException e) {
            return null;
        }
    }

    public void savePassword(ServerEntry entry, char[] password) {
        try {
            ISecurePreferences node = SecurePreferencesFactory.getDefault().node(secureNode(entry));
            node.put("password", new String(password), true);
            node.flush();
        } catch (StorageException | java.io.IOException e) {
            throw new SynclineException(ErrorCode.CONFIG, "The password could not be put in secure storage: " + e.getMessage(), e);
        }
    }

    public void forgetPassword(ServerEntry entry) {
        try {
            ISecurePreferences root = SecurePreferencesFactory.getDefault();
            if (root.nodeExists(secureNode(entry))) {
                root.node(secureNode(entry)).removeNode();
                root.flush();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // nothing saved, nothing to forget
        }
    }

    private static String secureNode(ServerEntry entry) {
        return SECURE_ROOT + "/" + org.eclipse.equinox.security.storage.EncodingUtils.encodeSlashes(entry.label());
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
