/**
 */
package org.syncline.model.topology;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Route End</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * What a route connects: a server, or a group (any of its servers).
 * <!-- end-model-doc -->
 *
 *
 * @see org.syncline.model.topology.TopologyPackage#getRouteEnd()
 * @model abstract="true"
 * @generated
 */
public interface RouteEnd extends DiagramElement {
} // RouteEnd
