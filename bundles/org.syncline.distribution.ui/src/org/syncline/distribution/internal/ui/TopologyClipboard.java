package org.syncline.distribution.internal.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Server;

/** Servers and groups copied in a topology editor, kept as detached copies until pasted (in any editor). */
final class TopologyClipboard {
    private static List<EObject> copied = List.of();

    private TopologyClipboard() {
    }

    /** Copies the servers and groups among {@code selection}; returns how many. */
    static int copy(Collection<EObject> selection) {
        List<EObject> picked = new ArrayList<>();
        for (EObject o : selection) {
            if (o instanceof Server || o instanceof Group) {
                picked.add(o);
            }
        }
        if (!picked.isEmpty()) {
            copied = List.copyOf(EcoreUtil.copyAll(picked));
        }
        return picked.size();
    }

    static List<EObject> contents() {
        return copied;
    }
}
