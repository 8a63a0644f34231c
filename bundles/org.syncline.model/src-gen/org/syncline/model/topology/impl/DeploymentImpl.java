/**
 */
package org.syncline.model.topology.impl;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.EObjectContainmentWithInverseEList;
import org.eclipse.emf.ecore.util.InternalEList;

import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyPackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Deployment</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.syncline.model.topology.impl.DeploymentImpl#getRegions <em>Regions</em>}</li>
 *   <li>{@link org.syncline.model.topology.impl.DeploymentImpl#getUnassigned <em>Unassigned</em>}</li>
 *   <li>{@link org.syncline.model.topology.impl.DeploymentImpl#getRoutes <em>Routes</em>}</li>
 *   <li>{@link org.syncline.model.topology.impl.DeploymentImpl#getSameGroupPolicy <em>Same Group Policy</em>}</li>
 *   <li>{@link org.syncline.model.topology.impl.DeploymentImpl#getSameRegionPolicy <em>Same Region Policy</em>}</li>
 *   <li>{@link org.syncline.model.topology.impl.DeploymentImpl#getBetweenRegionsPolicy <em>Between Regions Policy</em>}</li>
 * </ul>
 *
 * @generated
 */
public class DeploymentImpl extends NamedElementImpl implements Deployment {
	/**
	 * The cached value of the '{@link #getRegions() <em>Regions</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRegions()
	 * @generated
	 * @ordered
	 */
	protected EList<Region> regions;

	/**
	 * The cached value of the '{@link #getUnassigned() <em>Unassigned</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUnassigned()
	 * @generated
	 * @ordered
	 */
	protected EList<Server> unassigned;

	/**
	 * The cached value of the '{@link #getRoutes() <em>Routes</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRoutes()
	 * @generated
	 * @ordered
	 */
	protected EList<Route> routes;

	/**
	 * The cached value of the '{@link #getSameGroupPolicy() <em>Same Group Policy</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSameGroupPolicy()
	 * @generated
	 * @ordered
	 */
	protected LinkPolicy sameGroupPolicy;

	/**
	 * The cached value of the '{@link #getSameRegionPolicy() <em>Same Region Policy</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSameRegionPolicy()
	 * @generated
	 * @ordered
	 */
	protected LinkPolicy sameRegionPolicy;

	/**
	 * The cached value of the '{@link #getBetweenRegionsPolicy() <em>Between Regions Policy</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBetweenRegionsPolicy()
	 * @generated
	 * @ordered
	 */
	protected LinkPolicy betweenRegionsPolicy;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected DeploymentImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return TopologyPackage.Literals.DEPLOYMENT;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Region> getRegions() {
		if (regions == null) {
			regions = new EObjectContainmentWithInverseEList<Region>(Region.class, this, TopologyPackage.DEPLOYMENT__REGIONS, TopologyPackage.REGION__DEPLOYMENT);
		}
		return regions;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Server> getUnassigned() {
		if (unassigned == null) {
			unassigned = new EObjectContainmentEList<Server>(Server.class, this, TopologyPackage.DEPLOYMENT__UNASSIGNED);
		}
		return unassigned;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Route> getRoutes() {
		if (routes == null) {
			routes = new EObjectContainmentEList<Route>(Route.class, this, TopologyPackage.DEPLOYMENT__ROUTES);
		}
		return routes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public LinkPolicy getSameGroupPolicy() {
		return sameGroupPolicy;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetSameGroupPolicy(LinkPolicy newSameGroupPolicy, NotificationChain msgs) {
		LinkPolicy oldSameGroupPolicy = sameGroupPolicy;
		sameGroupPolicy = newSameGroupPolicy;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, TopologyPackage.DEPLOYMENT__SAME_GROUP_POLICY, oldSameGroupPolicy, newSameGroupPolicy);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSameGroupPolicy(LinkPolicy newSameGroupPolicy) {
		if (newSameGroupPolicy != sameGroupPolicy) {
			NotificationChain msgs = null;
			if (sameGroupPolicy != null)
				msgs = ((InternalEObject)sameGroupPolicy).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - TopologyPackage.DEPLOYMENT__SAME_GROUP_POLICY, null, msgs);
			if (newSameGroupPolicy != null)
				msgs = ((InternalEObject)newSameGroupPolicy).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - TopologyPackage.DEPLOYMENT__SAME_GROUP_POLICY, null, msgs);
			msgs = basicSetSameGroupPolicy(newSameGroupPolicy, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, TopologyPackage.DEPLOYMENT__SAME_GROUP_POLICY, newSameGroupPolicy, newSameGroupPolicy));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public LinkPolicy getSameRegionPolicy() {
		return sameRegionPolicy;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetSameRegionPolicy(LinkPolicy newSameRegionPolicy, NotificationChain msgs) {
		LinkPolicy oldSameRegionPolicy = sameRegionPolicy;
		sameRegionPolicy = newSameRegionPolicy;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, TopologyPackage.DEPLOYMENT__SAME_REGION_POLICY, oldSameRegionPolicy, newSameRegionPolicy);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSameRegionPolicy(LinkPolicy newSameRegionPolicy) {
		if (newSameRegionPolicy != sameRegionPolicy) {
			NotificationChain msgs = null;
			if (sameRegionPolicy != null)
				msgs = ((InternalEObject)sameRegionPolicy).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - TopologyPackage.DEPLOYMENT__SAME_REGION_POLICY, null, msgs);
			if (newSameRegionPolicy != null)
				msgs = ((InternalEObject)newSameRegionPolicy).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - TopologyPackage.DEPLOYMENT__SAME_REGION_POLICY, null, msgs);
			msgs = basicSetSameRegionPolicy(newSameRegionPolicy, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, TopologyPackage.DEPLOYMENT__SAME_REGION_POLICY, newSameRegionPolicy, newSameRegionPolicy));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public LinkPolicy getBetweenRegionsPolicy() {
		return betweenRegionsPolicy;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetBetweenRegionsPolicy(LinkPolicy newBetweenRegionsPolicy, NotificationChain msgs) {
		LinkPolicy oldBetweenRegionsPolicy = betweenRegionsPolicy;
		betweenRegionsPolicy = newBetweenRegionsPolicy;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, TopologyPackage.DEPLOYMENT__BETWEEN_REGIONS_POLICY, oldBetweenRegionsPolicy, newBetweenRegionsPolicy);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBetweenRegionsPolicy(LinkPolicy newBetweenRegionsPolicy) {
		if (newBetweenRegionsPolicy != betweenRegionsPolicy) {
			NotificationChain msgs = null;
			if (betweenRegionsPolicy != null)
				msgs = ((InternalEObject)betweenRegionsPolicy).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - TopologyPackage.DEPLOYMENT__BETWEEN_REGIONS_POLICY, null, msgs);
			if (newBetweenRegionsPolicy != null)
				msgs = ((InternalEObject)newBetweenRegionsPolicy).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - TopologyPackage.DEPLOYMENT__BETWEEN_REGIONS_POLICY, null, msgs);
			msgs = basicSetBetweenRegionsPolicy(newBetweenRegionsPolicy, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, TopologyPackage.DEPLOYMENT__BETWEEN_REGIONS_POLICY, newBetweenRegionsPolicy, newBetweenRegionsPolicy));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public NotificationChain eInverseAdd(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case TopologyPackage.DEPLOYMENT__REGIONS:
				return ((InternalEList<InternalEObject>)(InternalEList<?>)getRegions()).basicAdd(otherEnd, msgs);
		}
		return super.eInverseAdd(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case TopologyPackage.DEPLOYMENT__REGIONS:
				return ((InternalEList<?>)getRegions()).basicRemove(otherEnd, msgs);
			case TopologyPackage.DEPLOYMENT__UNASSIGNED:
				return ((InternalEList<?>)getUnassigned()).basicRemove(otherEnd, msgs);
			case TopologyPackage.DEPLOYMENT__ROUTES:
				return ((InternalEList<?>)getRoutes()).basicRemove(otherEnd, msgs);
			case TopologyPackage.DEPLOYMENT__SAME_GROUP_POLICY:
				return basicSetSameGroupPolicy(null, msgs);
			case TopologyPackage.DEPLOYMENT__SAME_REGION_POLICY:
				return basicSetSameRegionPolicy(null, msgs);
			case TopologyPackage.DEPLOYMENT__BETWEEN_REGIONS_POLICY:
				return basicSetBetweenRegionsPolicy(null, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case TopologyPackage.DEPLOYMENT__REGIONS:
				return getRegions();
			case TopologyPackage.DEPLOYMENT__UNASSIGNED:
				return getUnassigned();
			case TopologyPackage.DEPLOYMENT__ROUTES:
				return getRoutes();
			case TopologyPackage.DEPLOYMENT__SAME_GROUP_POLICY:
				return getSameGroupPolicy();
			case TopologyPackage.DEPLOYMENT__SAME_REGION_POLICY:
				return getSameRegionPolicy();
			case TopologyPackage.DEPLOYMENT__BETWEEN_REGIONS_POLICY:
				return getBetweenRegionsPolicy();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case TopologyPackage.DEPLOYMENT__REGIONS:
				getRegions().clear();
				getRegions().addAll((Collection<? extends Region>)newValue);
				return;
			case TopologyPackage.DEPLOYMENT__UNASSIGNED:
				getUnassigned().clear();
				getUnassigned().addAll((Collection<? extends Server>)newValue);
				return;
			case TopologyPackage.DEPLOYMENT__ROUTES:
				getRoutes().clear();
				getRoutes().addAll((Collection<? extends Route>)newValue);
				return;
			case TopologyPackage.DEPLOYMENT__SAME_GROUP_POLICY:
				setSameGroupPolicy((LinkPolicy)newValue);
				return;
			case TopologyPackage.DEPLOYMENT__SAME_REGION_POLICY:
				setSameRegionPolicy((LinkPolicy)newValue);
				return;
			case TopologyPackage.DEPLOYMENT__BETWEEN_REGIONS_POLICY:
				setBetweenRegionsPolicy((LinkPolicy)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case TopologyPackage.DEPLOYMENT__REGIONS:
				getRegions().clear();
				return;
			case TopologyPackage.DEPLOYMENT__UNASSIGNED:
				getUnassigned().clear();
				return;
			case TopologyPackage.DEPLOYMENT__ROUTES:
				getRoutes().clear();
				return;
			case TopologyPackage.DEPLOYMENT__SAME_GROUP_POLICY:
				setSameGroupPolicy((LinkPolicy)null);
				return;
			case TopologyPackage.DEPLOYMENT__SAME_REGION_POLICY:
				setSameRegionPolicy((LinkPolicy)null);
				return;
			case TopologyPackage.DEPLOYMENT__BETWEEN_REGIONS_POLICY:
				setBetweenRegionsPolicy((LinkPolicy)null);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case TopologyPackage.DEPLOYMENT__REGIONS:
				return regions != null && !regions.isEmpty();
			case TopologyPackage.DEPLOYMENT__UNASSIGNED:
				return unassigned != null && !unassigned.isEmpty();
			case TopologyPackage.DEPLOYMENT__ROUTES:
				return routes != null && !routes.isEmpty();
			case TopologyPackage.DEPLOYMENT__SAME_GROUP_POLICY:
				return sameGroupPolicy != null;
			case TopologyPackage.DEPLOYMENT__SAME_REGION_POLICY:
				return sameRegionPolicy != null;
			case TopologyPackage.DEPLOYMENT__BETWEEN_REGIONS_POLICY:
				return betweenRegionsPolicy != null;
		}
		return super.eIsSet(featureID);
	}

} //DeploymentImpl
