/**
 */
package org.syncline.model.topology;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Server</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.syncline.model.topology.Server#getGroup <em>Group</em>}</li>
 *   <li>{@link org.syncline.model.topology.Server#getHost <em>Host</em>}</li>
 *   <li>{@link org.syncline.model.topology.Server#getPort <em>Port</em>}</li>
 *   <li>{@link org.syncline.model.topology.Server#getRoles <em>Roles</em>}</li>
 *   <li>{@link org.syncline.model.topology.Server#getWeight <em>Weight</em>}</li>
 *   <li>{@link org.syncline.model.topology.Server#getTags <em>Tags</em>}</li>
 *   <li>{@link org.syncline.model.topology.Server#getAgentId <em>Agent Id</em>}</li>
 *   <li>{@link org.syncline.model.topology.Server#getState <em>State</em>}</li>
 * </ul>
 *
 * @see org.syncline.model.topology.TopologyPackage#getServer()
 * @model
 * @generated
 */
public interface Server extends RouteEnd {
	/**
	 * Returns the value of the '<em><b>Group</b></em>' container reference.
	 * It is bidirectional and its opposite is '{@link org.syncline.model.topology.Group#getServers <em>Servers</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The group the server belongs to; null while it waits in the deployment's unassigned pool.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Group</em>' container reference.
	 * @see #setGroup(Group)
	 * @see org.syncline.model.topology.TopologyPackage#getServer_Group()
	 * @see org.syncline.model.topology.Group#getServers
	 * @model opposite="servers"
	 * @generated
	 */
	Group getGroup();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Server#getGroup <em>Group</em>}' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Group</em>' container reference.
	 * @see #getGroup()
	 * @generated
	 */
	void setGroup(Group value);

	/**
	 * Returns the value of the '<em><b>Host</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Host</em>' attribute.
	 * @see #setHost(String)
	 * @see org.syncline.model.topology.TopologyPackage#getServer_Host()
	 * @model
	 * @generated
	 */
	String getHost();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Server#getHost <em>Host</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Host</em>' attribute.
	 * @see #getHost()
	 * @generated
	 */
	void setHost(String value);

	/**
	 * Returns the value of the '<em><b>Port</b></em>' attribute.
	 * The default value is <code>"7443"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Port</em>' attribute.
	 * @see #setPort(int)
	 * @see org.syncline.model.topology.TopologyPackage#getServer_Port()
	 * @model default="7443"
	 * @generated
	 */
	int getPort();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Server#getPort <em>Port</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Port</em>' attribute.
	 * @see #getPort()
	 * @generated
	 */
	void setPort(int value);

	/**
	 * Returns the value of the '<em><b>Roles</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.String}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Roles</em>' attribute list.
	 * @see org.syncline.model.topology.TopologyPackage#getServer_Roles()
	 * @model
	 * @generated
	 */
	EList<String> getRoles();

	/**
	 * Returns the value of the '<em><b>Weight</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Relative hardware capacity for load sharing: a server of weight 2 takes twice the work of one of weight 1.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Weight</em>' attribute.
	 * @see #setWeight(int)
	 * @see org.syncline.model.topology.TopologyPackage#getServer_Weight()
	 * @model default="1"
	 * @generated
	 */
	int getWeight();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Server#getWeight <em>Weight</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Weight</em>' attribute.
	 * @see #getWeight()
	 * @generated
	 */
	void setWeight(int value);

	/**
	 * Returns the value of the '<em><b>Tags</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.String}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The data types the server takes (e.g. images); jobs send content only to servers that carry its tag.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Tags</em>' attribute list.
	 * @see org.syncline.model.topology.TopologyPackage#getServer_Tags()
	 * @model
	 * @generated
	 */
	EList<String> getTags();

	/**
	 * Returns the value of the '<em><b>Agent Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The identity of the agent enrolled on this server; empty for a server drawn before its agent joined.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Agent Id</em>' attribute.
	 * @see #setAgentId(String)
	 * @see org.syncline.model.topology.TopologyPackage#getServer_AgentId()
	 * @model
	 * @generated
	 */
	String getAgentId();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Server#getAgentId <em>Agent Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Agent Id</em>' attribute.
	 * @see #getAgentId()
	 * @generated
	 */
	void setAgentId(String value);

	/**
	 * Returns the value of the '<em><b>State</b></em>' attribute.
	 * The default value is <code>"UNKNOWN"</code>.
	 * The literals are from the enumeration {@link org.syncline.model.topology.ServerState}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Live state from monitoring; never saved.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>State</em>' attribute.
	 * @see org.syncline.model.topology.ServerState
	 * @see #setState(ServerState)
	 * @see org.syncline.model.topology.TopologyPackage#getServer_State()
	 * @model default="UNKNOWN" transient="true"
	 * @generated
	 */
	ServerState getState();

	/**
	 * Sets the value of the '{@link org.syncline.model.topology.Server#getState <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>State</em>' attribute.
	 * @see org.syncline.model.topology.ServerState
	 * @see #getState()
	 * @generated
	 */
	void setState(ServerState value);

} // Server
