/**
 */
package org.syncline.model.topology;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Link Policy</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * How content travels on a link.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.syncline.model.topology.LinkPolicy#getTransferMode <em>Transfer Mode</em>}</li>
 *   <li>{@link org.syncline.model.topology.LinkPolicy#getCompression <em>Compression</em>}</li>
 *   <li>{@link org.syncline.model.topology.LinkPolicy#getCodec <em>Codec</em>}</li>
 *   <li>{@link org.syncline.model.topology.LinkPolicy#isTls <em>Tls</em>}</li>
 *   <li>{@link org.syncline.model.topology.LinkPolicy#getBandwidthLimit <em>Bandwidth Limit</em>}</li>
 * </ul>
 *
 * @see org.syncline.model.topology.TopologyPackage#getLinkPolicy()
 * @model
 * @generated
 */
public interface LinkPolicy extends EObject {
	/**
	 * Returns the value of the '<em><b>Transfer Mode</b></em>' attribute.
	 * The default value is <code>"DELTA"</code>.
	 * The literals are from the enumeration {@link org.syncline.model.topology.TransferMode}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Transfer Mode</em>' attribute.
	 * @see org.syncline.model.topology.TransferMode
	 * @see #setTransferMode(TransferMode)
	 * @see org.syncline.model.topology.TopologyPackage#getLinkPolicy_TransferMode()
	 * @model default="DELTA"
	 * @generated
	 */
	TransferMode getTransferMode();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.LinkPolicy#getTransferMode <em>Transfer Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Transfer Mode</em>' attribute.
	 * @see org.syncline.model.topology.TransferMode
	 * @see #getTransferMode()
	 * @generated
	 */
	void setTransferMode(TransferMode value);

	/**
	 * Returns the value of the '<em><b>Compression</b></em>' attribute.
	 * The default value is <code>"6"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * 0 (none) to 9 (smallest).
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Compression</em>' attribute.
	 * @see #setCompression(int)
	 * @see org.syncline.model.topology.TopologyPackage#getLinkPolicy_Compression()
	 * @model default="6"
	 * @generated
	 */
	int getCompression();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.LinkPolicy#getCompression <em>Compression</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Compression</em>' attribute.
	 * @see #getCompression()
	 * @generated
	 */
	void setCompression(int value);

	/**
	 * Returns the value of the '<em><b>Codec</b></em>' attribute.
	 * The default value is <code>"DEFLATE"</code>.
	 * The literals are from the enumeration {@link org.syncline.model.topology.Codec}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * How the link compresses at its level: deflate (every agent reads it) or zstd (agents of this version or later).
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Codec</em>' attribute.
	 * @see org.syncline.model.topology.Codec
	 * @see #setCodec(Codec)
	 * @see org.syncline.model.topology.TopologyPackage#getLinkPolicy_Codec()
	 * @model default="DEFLATE"
	 * @generated
	 */
	Codec getCodec();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.LinkPolicy#getCodec <em>Codec</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Codec</em>' attribute.
	 * @see org.syncline.model.topology.Codec
	 * @see #getCodec()
	 * @generated
	 */
	void setCodec(Codec value);

	/**
	 * Returns the value of the '<em><b>Tls</b></em>' attribute.
	 * The default value is <code>"true"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Tls</em>' attribute.
	 * @see #setTls(boolean)
	 * @see org.syncline.model.topology.TopologyPackage#getLinkPolicy_Tls()
	 * @model default="true"
	 * @generated
	 */
	boolean isTls();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.LinkPolicy#isTls <em>Tls</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Tls</em>' attribute.
	 * @see #isTls()
	 * @generated
	 */
	void setTls(boolean value);

	/**
	 * Returns the value of the '<em><b>Bandwidth Limit</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Bytes per second; 0 means unlimited.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Bandwidth Limit</em>' attribute.
	 * @see #setBandwidthLimit(long)
	 * @see org.syncline.model.topology.TopologyPackage#getLinkPolicy_BandwidthLimit()
	 * @model default="0"
	 * @generated
	 */
	long getBandwidthLimit();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.LinkPolicy#getBandwidthLimit <em>Bandwidth Limit</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Bandwidth Limit</em>' attribute.
	 * @see #getBandwidthLimit()
	 * @generated
	 */
	void setBandwidthLimit(long value);

} // LinkPolicy
