/**
 */
package org.syncline.model.topology;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Route</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A link content may travel on, from one server or group to another, with an optional policy that overrides the deployment's default for its scope.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.syncline.model.topology.Route#getFrom <em>From</em>}</li>
 *   <li>{@link org.syncline.model.topology.Route#getTo <em>To</em>}</li>
 *   <li>{@link org.syncline.model.topology.Route#getPolicy <em>Policy</em>}</li>
 * </ul>
 *
 * @see org.syncline.model.topology.TopologyPackage#getRoute()
 * @model
 * @generated
 */
public interface Route extends EObject {
	/**
	 * Returns the value of the '<em><b>From</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>From</em>' reference.
	 * @see #setFrom(RouteEnd)
	 * @see org.syncline.model.topology.TopologyPackage#getRoute_From()
	 * @model required="true"
	 * @generated
	 */
	RouteEnd getFrom();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Route#getFrom <em>From</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>From</em>' reference.
	 * @see #getFrom()
	 * @generated
	 */
	void setFrom(RouteEnd value);

	/**
	 * Returns the value of the '<em><b>To</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>To</em>' reference.
	 * @see #setTo(RouteEnd)
	 * @see org.syncline.model.topology.TopologyPackage#getRoute_To()
	 * @model required="true"
	 * @generated
	 */
	RouteEnd getTo();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Route#getTo <em>To</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>To</em>' reference.
	 * @see #getTo()
	 * @generated
	 */
	void setTo(RouteEnd value);

	/**
	 * Returns the value of the '<em><b>Policy</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Policy</em>' containment reference.
	 * @see #setPolicy(LinkPolicy)
	 * @see org.syncline.model.topology.TopologyPackage#getRoute_Policy()
	 * @model containment="true"
	 * @generated
	 */
	LinkPolicy getPolicy();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Route#getPolicy <em>Policy</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Policy</em>' containment reference.
	 * @see #getPolicy()
	 * @generated
	 */
	void setPolicy(LinkPolicy value);

} // Route
