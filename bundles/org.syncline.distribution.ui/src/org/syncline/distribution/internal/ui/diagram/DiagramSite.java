package org.syncline.distribution.internal.ui.diagram;

import org.eclipse.emf.common.command.Command;
import org.syncline.model.topology.Deployment;

/** What the canvas and its tools need from the editor around them. */
public interface DiagramSite {
    Deployment deployment();

    TopologyEdits edits();

    /** Runs {@code command} on the editor's command stack (ignores null: a change that does nothing). */
    void execute(Command command);

    /** The canvas's selection changed (the user clicked, or Tab walked). */
    void selectionChanged();
}
