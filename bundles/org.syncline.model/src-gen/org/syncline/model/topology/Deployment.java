/**
 */
package org.syncline.model.topology;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Deployment</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.syncline.model.topology.Deployment#getRegions <em>Regions</em>}</li>
 *   <li>{@link org.syncline.model.topology.Deployment#getUnassigned <em>Unassigned</em>}</li>
 *   <li>{@link org.syncline.model.topology.Deployment#getRoutes <em>Routes</em>}</li>
 *   <li>{@link org.syncline.model.topology.Deployment#getSameGroupPolicy <em>Same Group Policy</em>}</li>
 *   <li>{@link org.syncline.model.topology.Deployment#getSameRegionPolicy <em>Same Region Policy</em>}</li>
 *   <li>{@link org.syncline.model.topology.Deployment#getBetweenRegionsPolicy <em>Between Regions Policy</em>}</li>
 * </ul>
 *
 * @see org.syncline.model.topology.TopologyPackage#getDeployment()
 * @model
 * @generated
 */
public interface Deployment extends NamedElement {
	/**
	 * Returns the value of the '<em><b>Regions</b></em>' containment reference list.
	 * The list contents are of type {@link org.syncline.model.topology.Region}.
	 * It is bidirectional and its opposite is '{@link org.syncline.model.topology.Region#getDeployment <em>Deployment</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Regions</em>' containment reference list.
	 * @see org.syncline.model.topology.TopologyPackage#getDeployment_Regions()
	 * @see org.syncline.model.topology.Region#getDeployment
	 * @model opposite="deployment" containment="true"
	 * @generated
	 */
	EList<Region> getRegions();

	/**
	 * Returns the value of the '<em><b>Unassigned</b></em>' containment reference list.
	 * The list contents are of type {@link org.syncline.model.topology.Server}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Servers not yet placed in a group: enrolled agents land here.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Unassigned</em>' containment reference list.
	 * @see org.syncline.model.topology.TopologyPackage#getDeployment_Unassigned()
	 * @model containment="true"
	 * @generated
	 */
	EList<Server> getUnassigned();

	/**
	 * Returns the value of the '<em><b>Routes</b></em>' containment reference list.
	 * The list contents are of type {@link org.syncline.model.topology.Route}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Routes</em>' containment reference list.
	 * @see org.syncline.model.topology.TopologyPackage#getDeployment_Routes()
	 * @model containment="true"
	 * @generated
	 */
	EList<Route> getRoutes();

	/**
	 * Returns the value of the '<em><b>Same Group Policy</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The link between two servers of one group when no route says otherwise; none: such servers need a route.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Same Group Policy</em>' containment reference.
	 * @see #setSameGroupPolicy(LinkPolicy)
	 * @see org.syncline.model.topology.TopologyPackage#getDeployment_SameGroupPolicy()
	 * @model containment="true"
	 * @generated
	 */
	LinkPolicy getSameGroupPolicy();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Deployment#getSameGroupPolicy <em>Same Group Policy</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Same Group Policy</em>' containment reference.
	 * @see #getSameGroupPolicy()
	 * @generated
	 */
	void setSameGroupPolicy(LinkPolicy value);

	/**
	 * Returns the value of the '<em><b>Same Region Policy</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Same Region Policy</em>' containment reference.
	 * @see #setSameRegionPolicy(LinkPolicy)
	 * @see org.syncline.model.topology.TopologyPackage#getDeployment_SameRegionPolicy()
	 * @model containment="true"
	 * @generated
	 */
	LinkPolicy getSameRegionPolicy();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Deployment#getSameRegionPolicy <em>Same Region Policy</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Same Region Policy</em>' containment reference.
	 * @see #getSameRegionPolicy()
	 * @generated
	 */
	void setSameRegionPolicy(LinkPolicy value);

	/**
	 * Returns the value of the '<em><b>Between Regions Policy</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Between Regions Policy</em>' containment reference.
	 * @see #setBetweenRegionsPolicy(LinkPolicy)
	 * @see org.syncline.model.topology.TopologyPackage#getDeployment_BetweenRegionsPolicy()
	 * @model containment="true"
	 * @generated
	 */
	LinkPolicy getBetweenRegionsPolicy();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Deployment#getBetweenRegionsPolicy <em>Between Regions Policy</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Between Regions Policy</em>' containment reference.
	 * @see #getBetweenRegionsPolicy()
	 * @generated
	 */
	void setBetweenRegionsPolicy(LinkPolicy value);

} // Deployment
