package org.syncline.distribution.internal.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.TopologySaved;
import org.syncline.distribution.TopologyVersion;
import org.syncline.distribution.client.DistributionClient.Loaded;
import org.syncline.distribution.internal.ui.diagram.TopologyEdits;
import org.syncline.distribution.internal.ui.monitor.LiveMonitoring;
import org.syncline.distribution.internal.ui.monitor.LiveStates;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.xmi.TopologyXmi;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.UiRunner;

/**
 * The topology of one server as the workbench edits it: the model read at a version, the command stack every
 * change goes through (undo, redo, dirty), saving against that version, and what to do when someone else
 * saves. UI thread only, except the network work inside its jobs.
 */
final class TopologyDocument {
    /** What views of the document hear; every call comes on the UI thread. */
    interface Listener {
        /** The model changed: a command ran, was undone or redone, or the model was (re)loaded. */
        void changed();

        /** Someone else saved while this document has unsaved changes. */
        default void savedElsewhere(TopologyVersion version) {
        }

        /** Our save was accepted (its warnings may be empty). */
        default void saved(TopologySaved saved) {
        }

        /** Our save was refused by the master: someone saved first, or this user may not save. */
        default void conflict(String message) {
        }

        /** The live states of the servers changed (monitoring, not an edit). */
        default void statesChanged() {
        }
    }

    private final ConnectedServer server;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Deployment deployment = TopologyFactory.eINSTANCE.createDeployment();
    private AdapterFactoryEditingDomain domain;
    private TopologyEdits edits;
    private TopologyVersion version = TopologyVersion.none();
    private boolean loaded;
    private boolean saving;
    private TopologyVersion pushedWhileSaving;

    TopologyDocument(ConnectedServer server) {
        this.server = server;
        replace(deployment, version);
        loaded = false;
        LiveMonitoring live = LiveMonitoring.of(server);
        live.addListener(new LiveMonitoring.Listener() {
            @Override
            public void changed() {
                if (LiveStates.apply(deployment, live)) {
                    listeners.forEach(Listener::statesChanged);
                }
            }
        });
    }

    ConnectedServer server() {
        return server;
    }

    Deployment deployment() {
        return deployment;
    }

    TopologyEdits edits() {
        return edits;
    }

    BasicCommandStack stack() {
        return (BasicCommandStack) domain.getCommandStack();
    }

    TopologyVersion version() {
        return version;
    }

    boolean isLoaded() {
        return loaded;
    }

    boolean isDirty() {
        return stack().isSaveNeeded();
    }

    void addListener(Listener l) {
        listeners.add(l);
    }

    void removeListener(Listener l) {
        listeners.remove(l);
    }

    void execute(Command c) {
        if (c != null && c.canExecute()) {
            stack().execute(c);
        }
    }

    /** Reads the server's current topology, dropping unsaved changes. */
    Job load() {
        UiRunner ui = UiRunner.forWorkbench();
        return ServerJob.schedule("Load the topology of " + server.label(), monitor -> {
            Loaded l = TopologyDocuments.client(server).load();
            ui.execute(() -> replace(l.deployment(), l.version()));
        });
    }

    private void replace(Deployment d, TopologyVersion v) {
        deployment = d;
        version = v;
        loaded = true;
        BasicCommandStack stack = new BasicCommandStack();
        domain = new AdapterFactoryEditingDomain(new ComposedAdapterFactory(), stack);
        XMIResourceImpl resource = new XMIResourceImpl(URI.createURI("topology.xmi"));
        domain.getResourceSet().getResources().add(resource);
        resource.getContents().add(d);
        edits = new TopologyEdits(domain, d);
        LiveStates.apply(d, LiveMonitoring.of(server));
        stack.addCommandStackListener(e -> listeners.forEach(Listener::changed));
        listeners.forEach(Listener::changed);
    }

    /** Saves against the version the model was read at, as a cancellable job; null when nothing is to save. */
    Job save() {
        UiRunner ui = UiRunner.forWorkbench();
        byte[] xmi = TopologyXmi.bytes(deployment);
        long base = version.version();
        Command savedAt = stack().getUndoCommand();
        saving = true;
        Job job = ServerJob.schedule("Save the topology of " + server.label(), monitor -> {
            try {
                TopologySaved saved = TopologyDocuments.client(server).save(new ByteArrayInputStream(xmi), base);
                ui.execute(() -> afterSave(saved, savedAt));
            } catch (SynclineException e) {
                ui.execute(() -> saving = false);
                if (e.code() != ErrorCode.CONFLICT && e.code() != ErrorCode.ACCESS_DENIED) {
                    throw e;
                }
                // the master's sentence (someone saved first; only admins save) is what the editor shows
                ui.execute(() -> listeners.forEach(l -> l.conflict(e.getMessage())));
            }
        });
        return job;
    }

    private void afterSave(TopologySaved saved, Command savedAt) {
        saving = false;
        version = saved.version();
        if (stack().getUndoCommand() == savedAt) {
            stack().saveIsDone();
        }
        listeners.forEach(l -> l.saved(saved));
        listeners.forEach(Listener::changed);
        TopologyVersion pending = pushedWhileSaving;
        pushedWhileSaving = null;
        if (pending != null) {
            pushed(pending);
        }
    }

    /** A save anyone made, pushed by the master. */
    void pushed(TopologyVersion v) {
        if (v.version() <= version.version()) {
            return; // ours, or older than what we hold
        }
        if (saving) {
            pushedWhileSaving = v;
        } else if (!isDirty()) {
            load();
        } else {
            listeners.forEach(l -> l.savedElsewhere(v));
        }
    }

    /**
     * Keeps the unsaved changes after someone else saved: the next save is made on their version, so it replaces
     * their change. The user chose this in the editor's bar, which says so.
     */
    void keepMine(TopologyVersion newer) {
        version = newer;
    }
}
