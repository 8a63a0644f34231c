/**
 */
package org.syncline.model.topology.impl;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.syncline.model.topology.Codec;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.TopologyPackage;
import org.syncline.model.topology.TransferMode;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Link Policy</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.syncline.model.topology.impl.LinkPolicyImpl#getTransferMode <em>Transfer Mode</em>}</li>
 *   <li>{@link org.syncline.model.topology.impl.LinkPolicyImpl#getCompression <em>Compression</em>}</li>
 *   <li>{@link org.syncline.model.topology.impl.LinkPolicyImpl#getCodec <em>Codec</em>}</li>
 *   <li>{@link org.syncline.model.topology.impl.LinkPolicyImpl#isTls <em>Tls</em>}</li>
 *   <li>{@link org.syncline.model.topology.impl.LinkPolicyImpl#getBandwidthLimit <em>Bandwidth Limit</em>}</li>
 * </ul>
 *
 * @generated
 */
public class LinkPolicyImpl extends MinimalEObjectImpl.Container implements LinkPolicy {
	/**
	 * The default value of the '{@link #getTransferMode() <em>Transfer Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTransferMode()
	 * @generated
	 * @ordered
	 */
	protected static final TransferMode TRANSFER_MODE_EDEFAULT = TransferMode.DELTA;

	/**
	 * The cached value of the '{@link #getTransferMode() <em>Transfer Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTransferMode()
	 * @generated
	 * @ordered
	 */
	protected TransferMode transferMode = TRANSFER_MODE_EDEFAULT;

	/**
	 * The default value of the '{@link #getCompression() <em>Compression</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCompression()
	 * @generated
	 * @ordered
	 */
	protected static final int COMPRESSION_EDEFAULT = 6;

	/**
	 * The cached value of the '{@link #getCompression() <em>Compression</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCompression()
	 * @generated
	 * @ordered
	 */
	protected int compression = COMPRESSION_EDEFAULT;

	/**
	 * The default value of the '{@link #getCodec() <em>Codec</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCodec()
	 * @generated
	 * @ordered
	 */
	protected static final Codec CODEC_EDEFAULT = Codec.DEFLATE;

	/**
	 * The cached value of the '{@link #getCodec() <em>Codec</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCodec()
	 * @generated
	 * @ordered
	 */
	protected Codec codec = CODEC_EDEFAULT;

	/**
	 * The default value of the '{@link #isTls() <em>Tls</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isTls()
	 * @generated
	 * @ordered
	 */
	protected static final boolean TLS_EDEFAULT = true;

	/**
	 * The cached value of the '{@link #isTls() <em>Tls</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isTls()
	 * @generated
	 * @ordered
	 */
	protected boolean tls = TLS_EDEFAULT;

	/**
	 * The default value of the '{@link #getBandwidthLimit() <em>Bandwidth Limit</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBandwidthLimit()
	 * @generated
	 * @ordered
	 */
	protected static final long BANDWIDTH_LIMIT_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getBandwidthLimit() <em>Bandwidth Limit</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBandwidthLimit()
	 * @generated
	 * @ordered
	 */
	protected long bandwidthLimit = BANDWIDTH_LIMIT_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected LinkPolicyImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return TopologyPackage.Literals.LINK_POLICY;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public TransferMode getTransferMode() {
		return transferMode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTransferMode(TransferMode newTransferMode) {
		TransferMode oldTransferMode = transferMode;
		transferMode = newTransferMode == null ? TRANSFER_MODE_EDEFAULT : newTransferMode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, TopologyPackage.LINK_POLICY__TRANSFER_MODE, oldTransferMode, transferMode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getCompression() {
		return compression;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCompression(int newCompression) {
		int oldCompression = compression;
		compression = newCompression;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, TopologyPackage.LINK_POLICY__COMPRESSION, oldCompression, compression));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Codec getCodec() {
		return codec;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCodec(Codec newCodec) {
		Codec oldCodec = codec;
		codec = newCodec == null ? CODEC_EDEFAULT : newCodec;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, TopologyPackage.LINK_POLICY__CODEC, oldCodec, codec));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isTls() {
		return tls;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTls(boolean newTls) {
		boolean oldTls = tls;
		tls = newTls;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, TopologyPackage.LINK_POLICY__TLS, oldTls, tls));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getBandwidthLimit() {
		return bandwidthLimit;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBandwidthLimit(long newBandwidthLimit) {
		long oldBandwidthLimit = bandwidthLimit;
		bandwidthLimit = newBandwidthLimit;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, TopologyPackage.LINK_POLICY__BANDWIDTH_LIMIT, oldBandwidthLimit, bandwidthLimit));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case TopologyPackage.LINK_POLICY__TRANSFER_MODE:
				return getTransferMode();
			case TopologyPackage.LINK_POLICY__COMPRESSION:
				return getCompression();
			case TopologyPackage.LINK_POLICY__CODEC:
				return getCodec();
			case TopologyPackage.LINK_POLICY__TLS:
				return isTls();
			case TopologyPackage.LINK_POLICY__BANDWIDTH_LIMIT:
				return getBandwidthLimit();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case TopologyPackage.LINK_POLICY__TRANSFER_MODE:
				setTransferMode((TransferMode)newValue);
				return;
			case TopologyPackage.LINK_POLICY__COMPRESSION:
				setCompression((Integer)newValue);
				return;
			case TopologyPackage.LINK_POLICY__CODEC:
				setCodec((Codec)newValue);
				return;
			case TopologyPackage.LINK_POLICY__TLS:
				setTls((Boolean)newValue);
				return;
			case TopologyPackage.LINK_POLICY__BANDWIDTH_LIMIT:
				setBandwidthLimit((Long)newValue);
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
			case TopologyPackage.LINK_POLICY__TRANSFER_MODE:
				setTransferMode(TRANSFER_MODE_EDEFAULT);
				return;
			case TopologyPackage.LINK_POLICY__COMPRESSION:
				setCompression(COMPRESSION_EDEFAULT);
				return;
			case TopologyPackage.LINK_POLICY__CODEC:
				setCodec(CODEC_EDEFAULT);
				return;
			case TopologyPackage.LINK_POLICY__TLS:
				setTls(TLS_EDEFAULT);
				return;
			case TopologyPackage.LINK_POLICY__BANDWIDTH_LIMIT:
				setBandwidthLimit(BANDWIDTH_LIMIT_EDEFAULT);
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
			case TopologyPackage.LINK_POLICY__TRANSFER_MODE:
				return transferMode != TRANSFER_MODE_EDEFAULT;
			case TopologyPackage.LINK_POLICY__COMPRESSION:
				return compression != COMPRESSION_EDEFAULT;
			case TopologyPackage.LINK_POLICY__CODEC:
				return codec != CODEC_EDEFAULT;
			case TopologyPackage.LINK_POLICY__TLS:
				return tls != TLS_EDEFAULT;
			case TopologyPackage.LINK_POLICY__BANDWIDTH_LIMIT:
				return bandwidthLimit != BANDWIDTH_LIMIT_EDEFAULT;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (transferMode: ");
		result.append(transferMode);
		result.append(", compression: ");
		result.append(compression);
		result.append(", codec: ");
		result.append(codec);
		result.append(", tls: ");
		result.append(tls);
		result.append(", bandwidthLimit: ");
		result.append(bandwidthLimit);
		result.append(')');
		return result.toString();
	}

} //LinkPolicyImpl
