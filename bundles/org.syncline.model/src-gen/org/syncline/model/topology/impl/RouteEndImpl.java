/**
 */
package org.syncline.model.topology.impl;

import org.eclipse.emf.ecore.EClass;

import org.syncline.model.topology.RouteEnd;
import org.syncline.model.topology.TopologyPackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Route End</b></em>'.
 * <!-- end-user-doc -->
 *
 * @generated
 */
public abstract class RouteEndImpl extends DiagramElementImpl implements RouteEnd {
	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected RouteEndImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return TopologyPackage.Literals.ROUTE_END;
	}

} //RouteEndImpl
