package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.protocol.AccessCheck;
import org.syncline.protocol.Grant;
import org.syncline.protocol.Principal;
import org.syncline.protocol.Right;
import org.syncline.sync.internal.server.FolderTable.FolderRow;

/**
 * Finds a folder and checks the sender's right on it. Someone who may not read a folder learns nothing
 * about it: a missing folder and a folder they may not see get the same refusal.
 */
final class FolderAccess {
    static final String KIND = "folder";

    record Checked(FolderRow folder, List<Grant> grants, Right right) {
    }

    private FolderAccess() {
    }

    static Checked require(Connection c, Principal p, String name, Right needed) throws SQLException {
        FolderRow f = FolderTable.find(c, name == null ? "" : name).orElse(null);
        List<Grant> grants = f == null ? List.of() : FolderTable.grants(c, f);
        if (f == null || !AccessCheck.allows(p, grants, Right.READ)) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "There is no folder '" + Names.printable(String.valueOf(name))
                    + "' you may use; 'folder list' shows yours, or ask its owner to share it with you.");
        }
        AccessCheck.require(p, KIND, name, grants, needed);
        return new Checked(f, grants, strongest(p, grants));
    }

    /** The strongest right {@code p} holds among {@code grants}, or null. */
    static Right strongest(Principal p, List<Grant> grants) {
        for (Right r : new Right[] { Right.MANAGE, Right.WRITE, Right.READ }) {
            if (AccessCheck.allows(p, grants, r)) {
                return r;
            }
        }
        return null;
    }
}
