/**
 */
package org.syncline.model.topology;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Region</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.syncline.model.topology.Region#getDeployment <em>Deployment</em>}</li>
 *   <li>{@link org.syncline.model.topology.Region#getGroups <em>Groups</em>}</li>
 * </ul>
 *
 * @see org.syncline.model.topology.TopologyPackage#getRegion()
 * @model
 * @generated
 */
public interface Region extends DiagramElement {
	/**
	 * Returns the value of the '<em><b>Deployment</b></em>' container reference.
	 * It is bidirectional and its opposite is '{@link org.syncline.model.topology.Deployment#getRegions <em>Regions</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Deployment</em>' container reference.
	 * @see #setDeployment(Deployment)
	 * @see org.syncline.model.topology.TopologyPackage#getRegion_Deployment()
	 * @see org.syncline.model.topology.Deployment#getRegions
	 * @model opposite="regions"
	 * @generated
	 */
	Deployment getDeployment();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Region#getDeployment <em>Deployment</em>}' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Deployment</em>' container reference.
	 * @see #getDeployment()
	 * @generated
	 */
	void setDeployment(Deployment value);

	/**
	 * Returns the value of the '<em><b>Groups</b></em>' containment reference list.
	 * The list contents are of type {@link org.syncline.model.topology.Group}.
	 * It is bidirectional and its opposite is '{@link org.syncline.model.topology.Group#getRegion <em>Region</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Groups</em>' containment reference list.
	 * @see org.syncline.model.topology.TopologyPackage#getRegion_Groups()
	 * @see org.syncline.model.topology.Group#getRegion
	 * @model opposite="region" containment="true"
	 * @generated
	 */
	EList<Group> getGroups();

} // Region
