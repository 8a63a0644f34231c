package org.syncline.distribution.internal.ui.diagram;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

/** What the painter draws besides the model: the selection, validation problems and a tool's feedback. */
public final class DiagramState {
    /** Selected elements, in the order they were selected. */
    public final Set<EObject> selection = new LinkedHashSet<>();
    /** The worst severity ({@link Diagnostic#ERROR} or WARNING) per element with a problem. */
    public final Map<EObject, Integer> problems = new IdentityHashMap<>();
    /** A rectangle following the mouse while something is dragged, or null. */
    public Rectangle ghost;
    /** The group (or the pool's deployment) a drop would go to, or null. */
    public EObject dropTarget;
    /** A route being drawn: from the start end's centre to the pointer, or null. */
    public Point[] routeLine;
    /** A job's planned or running tree drawn over the topology, or null. */
    public RunOverlay overlay;
}
