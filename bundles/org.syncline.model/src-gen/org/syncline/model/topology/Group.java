/**
 */
package org.syncline.model.topology;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Group</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.syncline.model.topology.Group#getRegion <em>Region</em>}</li>
 *   <li>{@link org.syncline.model.topology.Group#getServers <em>Servers</em>}</li>
 * </ul>
 *
 * @see org.syncline.model.topology.TopologyPackage#getGroup()
 * @model
 * @generated
 */
public interface Group extends RouteEnd {
	/**
	 * Returns the value of the '<em><b>Region</b></em>' container reference.
	 * It is bidirectional and its opposite is '{@link org.syncline.model.topology.Region#getGroups <em>Groups</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Region</em>' container reference.
	 * @see #setRegion(Region)
	 * @see org.syncline.model.topology.TopologyPackage#getGroup_Region()
	 * @see org.syncline.model.topology.Region#getGroups
	 * @model opposite="groups"
	 * @generated
	 */
	Region getRegion();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Group#getRegion <em>Region</em>}' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Region</em>' container reference.
	 * @see #getRegion()
	 * @generated
	 */
	void setRegion(Region value);

	/**
	 * Returns the value of the '<em><b>Servers</b></em>' containment reference list.
	 * The list contents are of type {@link org.syncline.model.topology.Server}.
	 * It is bidirectional and its opposite is '{@link org.syncline.model.topology.Server#getGroup <em>Group</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Servers</em>' containment reference list.
	 * @see org.syncline.model.topology.TopologyPackage#getGroup_Servers()
	 * @see org.syncline.model.topology.Server#getGroup
	 * @model opposite="group" containment="true"
	 * @generated
	 */
	EList<Server> getServers();

} // Group
