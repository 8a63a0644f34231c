package org.syncline.protocol;

import java.util.Collection;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/**
 * The one rights check every capability's handlers make on the objects they touch. Administrators hold
 * every right; anyone else holds the strongest right a grant for them or one of their groups gives.
 */
public final class AccessCheck {
    private AccessCheck() {
    }

    public static boolean allows(Principal p, Collection<Grant> grants, Right needed) {
        if (p == null) {
            return false;
        }
        if (p.isAdmin()) {
            return true;
        }
        for (Grant g : grants) {
            if (g.appliesTo(p) && g.right().includes(needed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses with ACCESS_DENIED naming the user, the object and the missing right unless {@code p} holds
     * {@code needed} on it.
     *
     * @param objectKind what the object is, as users call it: "folder", "document", "room"
     */
    public static void require(Principal p, String objectKind, String objectName, Collection<Grant> grants, Right needed) {
        if (!allows(p, grants, needed)) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "User '" + (p == null ? "?" : p.name()) + "' lacks the '"
                    + needed.word() + "' right on " + objectKind + " '" + Names.printable(objectName)
                    + "'; ask its owner or an administrator to grant it.");
        }
    }
}
