/**
 */
package org.syncline.model.topology;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * <!-- begin-user-doc -->
 * The <b>Package</b> for the model.
 * It contains accessors for the meta objects to represent
 * <ul>
 *   <li>each class,</li>
 *   <li>each feature of each class,</li>
 *   <li>each operation of each class,</li>
 *   <li>each enum,</li>
 *   <li>and each data type</li>
 * </ul>
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * The topology of a distribution deployment: regions, groups, servers and the routes content travels on.
 * <!-- end-model-doc -->
 * @see org.syncline.model.topology.TopologyFactory
 * @model kind="package"
 * @generated
 */
public interface TopologyPackage extends EPackage {
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "topology";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://syncline.org/model/topology/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "topology";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	TopologyPackage eINSTANCE = org.syncline.model.topology.impl.TopologyPackageImpl.init();

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.impl.NamedElementImpl <em>Named Element</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.impl.NamedElementImpl
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getNamedElement()
	 * @generated
	 */
	int NAMED_ELEMENT = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NAMED_ELEMENT__NAME = 0;

	/**
	 * The number of structural features of the '<em>Named Element</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NAMED_ELEMENT_FEATURE_COUNT = 1;

	/**
	 * The number of operations of the '<em>Named Element</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NAMED_ELEMENT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.impl.DiagramElementImpl <em>Diagram Element</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.impl.DiagramElementImpl
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getDiagramElement()
	 * @generated
	 */
	int DIAGRAM_ELEMENT = 1;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DIAGRAM_ELEMENT__NAME = NAMED_ELEMENT__NAME;

	/**
	 * The feature id for the '<em><b>X</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DIAGRAM_ELEMENT__X = NAMED_ELEMENT_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Y</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DIAGRAM_ELEMENT__Y = NAMED_ELEMENT_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Width</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DIAGRAM_ELEMENT__WIDTH = NAMED_ELEMENT_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Height</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DIAGRAM_ELEMENT__HEIGHT = NAMED_ELEMENT_FEATURE_COUNT + 3;

	/**
	 * The number of structural features of the '<em>Diagram Element</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DIAGRAM_ELEMENT_FEATURE_COUNT = NAMED_ELEMENT_FEATURE_COUNT + 4;

	/**
	 * The number of operations of the '<em>Diagram Element</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DIAGRAM_ELEMENT_OPERATION_COUNT = NAMED_ELEMENT_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.impl.DeploymentImpl <em>Deployment</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.impl.DeploymentImpl
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getDeployment()
	 * @generated
	 */
	int DEPLOYMENT = 2;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DEPLOYMENT__NAME = NAMED_ELEMENT__NAME;

	/**
	 * The feature id for the '<em><b>Regions</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DEPLOYMENT__REGIONS = NAMED_ELEMENT_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Unassigned</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DEPLOYMENT__UNASSIGNED = NAMED_ELEMENT_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Routes</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DEPLOYMENT__ROUTES = NAMED_ELEMENT_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Same Group Policy</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DEPLOYMENT__SAME_GROUP_POLICY = NAMED_ELEMENT_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Same Region Policy</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DEPLOYMENT__SAME_REGION_POLICY = NAMED_ELEMENT_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Between Regions Policy</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DEPLOYMENT__BETWEEN_REGIONS_POLICY = NAMED_ELEMENT_FEATURE_COUNT + 5;

	/**
	 * The number of structural features of the '<em>Deployment</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DEPLOYMENT_FEATURE_COUNT = NAMED_ELEMENT_FEATURE_COUNT + 6;

	/**
	 * The number of operations of the '<em>Deployment</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DEPLOYMENT_OPERATION_COUNT = NAMED_ELEMENT_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.impl.RegionImpl <em>Region</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.impl.RegionImpl
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getRegion()
	 * @generated
	 */
	int REGION = 3;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGION__NAME = DIAGRAM_ELEMENT__NAME;

	/**
	 * The feature id for the '<em><b>X</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGION__X = DIAGRAM_ELEMENT__X;

	/**
	 * The feature id for the '<em><b>Y</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGION__Y = DIAGRAM_ELEMENT__Y;

	/**
	 * The feature id for the '<em><b>Width</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGION__WIDTH = DIAGRAM_ELEMENT__WIDTH;

	/**
	 * The feature id for the '<em><b>Height</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGION__HEIGHT = DIAGRAM_ELEMENT__HEIGHT;

	/**
	 * The feature id for the '<em><b>Deployment</b></em>' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGION__DEPLOYMENT = DIAGRAM_ELEMENT_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Groups</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGION__GROUPS = DIAGRAM_ELEMENT_FEATURE_COUNT + 1;

	/**
	 * The number of structural features of the '<em>Region</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGION_FEATURE_COUNT = DIAGRAM_ELEMENT_FEATURE_COUNT + 2;

	/**
	 * The number of operations of the '<em>Region</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGION_OPERATION_COUNT = DIAGRAM_ELEMENT_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.impl.RouteEndImpl <em>Route End</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.impl.RouteEndImpl
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getRouteEnd()
	 * @generated
	 */
	int ROUTE_END = 4;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE_END__NAME = DIAGRAM_ELEMENT__NAME;

	/**
	 * The feature id for the '<em><b>X</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE_END__X = DIAGRAM_ELEMENT__X;

	/**
	 * The feature id for the '<em><b>Y</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE_END__Y = DIAGRAM_ELEMENT__Y;

	/**
	 * The feature id for the '<em><b>Width</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE_END__WIDTH = DIAGRAM_ELEMENT__WIDTH;

	/**
	 * The feature id for the '<em><b>Height</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE_END__HEIGHT = DIAGRAM_ELEMENT__HEIGHT;

	/**
	 * The number of structural features of the '<em>Route End</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE_END_FEATURE_COUNT = DIAGRAM_ELEMENT_FEATURE_COUNT + 0;

	/**
	 * The number of operations of the '<em>Route End</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE_END_OPERATION_COUNT = DIAGRAM_ELEMENT_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.impl.GroupImpl <em>Group</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.impl.GroupImpl
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getGroup()
	 * @generated
	 */
	int GROUP = 5;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GROUP__NAME = ROUTE_END__NAME;

	/**
	 * The feature id for the '<em><b>X</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GROUP__X = ROUTE_END__X;

	/**
	 * The feature id for the '<em><b>Y</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GROUP__Y = ROUTE_END__Y;

	/**
	 * The feature id for the '<em><b>Width</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GROUP__WIDTH = ROUTE_END__WIDTH;

	/**
	 * The feature id for the '<em><b>Height</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GROUP__HEIGHT = ROUTE_END__HEIGHT;

	/**
	 * The feature id for the '<em><b>Region</b></em>' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GROUP__REGION = ROUTE_END_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Servers</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GROUP__SERVERS = ROUTE_END_FEATURE_COUNT + 1;

	/**
	 * The number of structural features of the '<em>Group</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GROUP_FEATURE_COUNT = ROUTE_END_FEATURE_COUNT + 2;

	/**
	 * The number of operations of the '<em>Group</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GROUP_OPERATION_COUNT = ROUTE_END_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.impl.ServerImpl <em>Server</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.impl.ServerImpl
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getServer()
	 * @generated
	 */
	int SERVER = 6;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__NAME = ROUTE_END__NAME;

	/**
	 * The feature id for the '<em><b>X</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__X = ROUTE_END__X;

	/**
	 * The feature id for the '<em><b>Y</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__Y = ROUTE_END__Y;

	/**
	 * The feature id for the '<em><b>Width</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__WIDTH = ROUTE_END__WIDTH;

	/**
	 * The feature id for the '<em><b>Height</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__HEIGHT = ROUTE_END__HEIGHT;

	/**
	 * The feature id for the '<em><b>Group</b></em>' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__GROUP = ROUTE_END_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Host</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__HOST = ROUTE_END_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Port</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__PORT = ROUTE_END_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Roles</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__ROLES = ROUTE_END_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Weight</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__WEIGHT = ROUTE_END_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Tags</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__TAGS = ROUTE_END_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Agent Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__AGENT_ID = ROUTE_END_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>State</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER__STATE = ROUTE_END_FEATURE_COUNT + 7;

	/**
	 * The number of structural features of the '<em>Server</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER_FEATURE_COUNT = ROUTE_END_FEATURE_COUNT + 8;

	/**
	 * The number of operations of the '<em>Server</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SERVER_OPERATION_COUNT = ROUTE_END_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.impl.RouteImpl <em>Route</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.impl.RouteImpl
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getRoute()
	 * @generated
	 */
	int ROUTE = 7;

	/**
	 * The feature id for the '<em><b>From</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE__FROM = 0;

	/**
	 * The feature id for the '<em><b>To</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE__TO = 1;

	/**
	 * The feature id for the '<em><b>Policy</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE__POLICY = 2;

	/**
	 * The number of structural features of the '<em>Route</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>Route</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ROUTE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.impl.LinkPolicyImpl <em>Link Policy</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.impl.LinkPolicyImpl
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getLinkPolicy()
	 * @generated
	 */
	int LINK_POLICY = 8;

	/**
	 * The feature id for the '<em><b>Transfer Mode</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK_POLICY__TRANSFER_MODE = 0;

	/**
	 * The feature id for the '<em><b>Compression</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK_POLICY__COMPRESSION = 1;

	/**
	 * The feature id for the '<em><b>Codec</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK_POLICY__CODEC = 2;

	/**
	 * The feature id for the '<em><b>Tls</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK_POLICY__TLS = 3;

	/**
	 * The feature id for the '<em><b>Bandwidth Limit</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK_POLICY__BANDWIDTH_LIMIT = 4;

	/**
	 * The number of structural features of the '<em>Link Policy</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK_POLICY_FEATURE_COUNT = 5;

	/**
	 * The number of operations of the '<em>Link Policy</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK_POLICY_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.TransferMode <em>Transfer Mode</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.TransferMode
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getTransferMode()
	 * @generated
	 */
	int TRANSFER_MODE = 9;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.Codec <em>Codec</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.Codec
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getCodec()
	 * @generated
	 */
	int CODEC = 10;

	/**
	 * The meta object id for the '{@link org.syncline.model.topology.ServerState <em>Server State</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.syncline.model.topology.ServerState
	 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getServerState()
	 * @generated
	 */
	int SERVER_STATE = 11;


	/**
	 * Returns the meta object for class '{@link org.syncline.model.topology.NamedElement <em>Named Element</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Named Element</em>'.
	 * @see org.syncline.model.topology.NamedElement
	 * @generated
	 */
	EClass getNamedElement();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.NamedElement#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.syncline.model.topology.NamedElement#getName()
	 * @see #getNamedElement()
	 * @generated
	 */
	EAttribute getNamedElement_Name();

	/**
	 * Returns the meta object for class '{@link org.syncline.model.topology.DiagramElement <em>Diagram Element</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Diagram Element</em>'.
	 * @see org.syncline.model.topology.DiagramElement
	 * @generated
	 */
	EClass getDiagramElement();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.DiagramElement#getX <em>X</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>X</em>'.
	 * @see org.syncline.model.topology.DiagramElement#getX()
	 * @see #getDiagramElement()
	 * @generated
	 */
	EAttribute getDiagramElement_X();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.DiagramElement#getY <em>Y</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Y</em>'.
	 * @see org.syncline.model.topology.DiagramElement#getY()
	 * @see #getDiagramElement()
	 * @generated
	 */
	EAttribute getDiagramElement_Y();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.DiagramElement#getWidth <em>Width</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Width</em>'.
	 * @see org.syncline.model.topology.DiagramElement#getWidth()
	 * @see #getDiagramElement()
	 * @generated
	 */
	EAttribute getDiagramElement_Width();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.DiagramElement#getHeight <em>Height</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Height</em>'.
	 * @see org.syncline.model.topology.DiagramElement#getHeight()
	 * @see #getDiagramElement()
	 * @generated
	 */
	EAttribute getDiagramElement_Height();

	/**
	 * Returns the meta object for class '{@link org.syncline.model.topology.Deployment <em>Deployment</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Deployment</em>'.
	 * @see org.syncline.model.topology.Deployment
	 * @generated
	 */
	EClass getDeployment();

	/**
	 * Returns the meta object for the containment reference list '{@link org.syncline.model.topology.Deployment#getRegions <em>Regions</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Regions</em>'.
	 * @see org.syncline.model.topology.Deployment#getRegions()
	 * @see #getDeployment()
	 * @generated
	 */
	EReference getDeployment_Regions();

	/**
	 * Returns the meta object for the containment reference list '{@link org.syncline.model.topology.Deployment#getUnassigned <em>Unassigned</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Unassigned</em>'.
	 * @see org.syncline.model.topology.Deployment#getUnassigned()
	 * @see #getDeployment()
	 * @generated
	 */
	EReference getDeployment_Unassigned();

	/**
	 * Returns the meta object for the containment reference list '{@link org.syncline.model.topology.Deployment#getRoutes <em>Routes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Routes</em>'.
	 * @see org.syncline.model.topology.Deployment#getRoutes()
	 * @see #getDeployment()
	 * @generated
	 */
	EReference getDeployment_Routes();

	/**
	 * Returns the meta object for the containment reference '{@link org.syncline.model.topology.Deployment#getSameGroupPolicy <em>Same Group Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Same Group Policy</em>'.
	 * @see org.syncline.model.topology.Deployment#getSameGroupPolicy()
	 * @see #getDeployment()
	 * @generated
	 */
	EReference getDeployment_SameGroupPolicy();

	/**
	 * Returns the meta object for the containment reference '{@link org.syncline.model.topology.Deployment#getSameRegionPolicy <em>Same Region Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Same Region Policy</em>'.
	 * @see org.syncline.model.topology.Deployment#getSameRegionPolicy()
	 * @see #getDeployment()
	 * @generated
	 */
	EReference getDeployment_SameRegionPolicy();

	/**
	 * Returns the meta object for the containment reference '{@link org.syncline.model.topology.Deployment#getBetweenRegionsPolicy <em>Between Regions Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Between Regions Policy</em>'.
	 * @see org.syncline.model.topology.Deployment#getBetweenRegionsPolicy()
	 * @see #getDeployment()
	 * @generated
	 */
	EReference getDeployment_BetweenRegionsPolicy();

	/**
	 * Returns the meta object for class '{@link org.syncline.model.topology.Region <em>Region</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Region</em>'.
	 * @see org.syncline.model.topology.Region
	 * @generated
	 */
	EClass getRegion();

	/**
	 * Returns the meta object for the container reference '{@link org.syncline.model.topology.Region#getDeployment <em>Deployment</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the container reference '<em>Deployment</em>'.
	 * @see org.syncline.model.topology.Region#getDeployment()
	 * @see #getRegion()
	 * @generated
	 */
	EReference getRegion_Deployment();

	/**
	 * Returns the meta object for the containment reference list '{@link org.syncline.model.topology.Region#getGroups <em>Groups</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Groups</em>'.
	 * @see org.syncline.model.topology.Region#getGroups()
	 * @see #getRegion()
	 * @generated
	 */
	EReference getRegion_Groups();

	/**
	 * Returns the meta object for class '{@link org.syncline.model.topology.RouteEnd <em>Route End</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Route End</em>'.
	 * @see org.syncline.model.topology.RouteEnd
	 * @generated
	 */
	EClass getRouteEnd();

	/**
	 * Returns the meta object for class '{@link org.syncline.model.topology.Group <em>Group</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Group</em>'.
	 * @see org.syncline.model.topology.Group
	 * @generated
	 */
	EClass getGroup();

	/**
	 * Returns the meta object for the container reference '{@link org.syncline.model.topology.Group#getRegion <em>Region</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the container reference '<em>Region</em>'.
	 * @see org.syncline.model.topology.Group#getRegion()
	 * @see #getGroup()
	 * @generated
	 */
	EReference getGroup_Region();

	/**
	 * Returns the meta object for the containment reference list '{@link org.syncline.model.topology.Group#getServers <em>Servers</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Servers</em>'.
	 * @see org.syncline.model.topology.Group#getServers()
	 * @see #getGroup()
	 * @generated
	 */
	EReference getGroup_Servers();

	/**
	 * Returns the meta object for class '{@link org.syncline.model.topology.Server <em>Server</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Server</em>'.
	 * @see org.syncline.model.topology.Server
	 * @generated
	 */
	EClass getServer();

	/**
	 * Returns the meta object for the container reference '{@link org.syncline.model.topology.Server#getGroup <em>Group</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the container reference '<em>Group</em>'.
	 * @see org.syncline.model.topology.Server#getGroup()
	 * @see #getServer()
	 * @generated
	 */
	EReference getServer_Group();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.Server#getHost <em>Host</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Host</em>'.
	 * @see org.syncline.model.topology.Server#getHost()
	 * @see #getServer()
	 * @generated
	 */
	EAttribute getServer_Host();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.Server#getPort <em>Port</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Port</em>'.
	 * @see org.syncline.model.topology.Server#getPort()
	 * @see #getServer()
	 * @generated
	 */
	EAttribute getServer_Port();

	/**
	 * Returns the meta object for the attribute list '{@link org.syncline.model.topology.Server#getRoles <em>Roles</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Roles</em>'.
	 * @see org.syncline.model.topology.Server#getRoles()
	 * @see #getServer()
	 * @generated
	 */
	EAttribute getServer_Roles();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.Server#getWeight <em>Weight</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Weight</em>'.
	 * @see org.syncline.model.topology.Server#getWeight()
	 * @see #getServer()
	 * @generated
	 */
	EAttribute getServer_Weight();

	/**
	 * Returns the meta object for the attribute list '{@link org.syncline.model.topology.Server#getTags <em>Tags</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Tags</em>'.
	 * @see org.syncline.model.topology.Server#getTags()
	 * @see #getServer()
	 * @generated
	 */
	EAttribute getServer_Tags();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.Server#getAgentId <em>Agent Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Agent Id</em>'.
	 * @see org.syncline.model.topology.Server#getAgentId()
	 * @see #getServer()
	 * @generated
	 */
	EAttribute getServer_AgentId();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.Server#getState <em>State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>State</em>'.
	 * @see org.syncline.model.topology.Server#getState()
	 * @see #getServer()
	 * @generated
	 */
	EAttribute getServer_State();

	/**
	 * Returns the meta object for class '{@link org.syncline.model.topology.Route <em>Route</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Route</em>'.
	 * @see org.syncline.model.topology.Route
	 * @generated
	 */
	EClass getRoute();

	/**
	 * Returns the meta object for the reference '{@link org.syncline.model.topology.Route#getFrom <em>From</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>From</em>'.
	 * @see org.syncline.model.topology.Route#getFrom()
	 * @see #getRoute()
	 * @generated
	 */
	EReference getRoute_From();

	/**
	 * Returns the meta object for the reference '{@link org.syncline.model.topology.Route#getTo <em>To</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>To</em>'.
	 * @see org.syncline.model.topology.Route#getTo()
	 * @see #getRoute()
	 * @generated
	 */
	EReference getRoute_To();

	/**
	 * Returns the meta object for the containment reference '{@link org.syncline.model.topology.Route#getPolicy <em>Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Policy</em>'.
	 * @see org.syncline.model.topology.Route#getPolicy()
	 * @see #getRoute()
	 * @generated
	 */
	EReference getRoute_Policy();

	/**
	 * Returns the meta object for class '{@link org.syncline.model.topology.LinkPolicy <em>Link Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Link Policy</em>'.
	 * @see org.syncline.model.topology.LinkPolicy
	 * @generated
	 */
	EClass getLinkPolicy();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.LinkPolicy#getTransferMode <em>Transfer Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Transfer Mode</em>'.
	 * @see org.syncline.model.topology.LinkPolicy#getTransferMode()
	 * @see #getLinkPolicy()
	 * @generated
	 */
	EAttribute getLinkPolicy_TransferMode();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.LinkPolicy#getCompression <em>Compression</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Compression</em>'.
	 * @see org.syncline.model.topology.LinkPolicy#getCompression()
	 * @see #getLinkPolicy()
	 * @generated
	 */
	EAttribute getLinkPolicy_Compression();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.LinkPolicy#getCodec <em>Codec</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Codec</em>'.
	 * @see org.syncline.model.topology.LinkPolicy#getCodec()
	 * @see #getLinkPolicy()
	 * @generated
	 */
	EAttribute getLinkPolicy_Codec();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.LinkPolicy#isTls <em>Tls</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Tls</em>'.
	 * @see org.syncline.model.topology.LinkPolicy#isTls()
	 * @see #getLinkPolicy()
	 * @generated
	 */
	EAttribute getLinkPolicy_Tls();

	/**
	 * Returns the meta object for the attribute '{@link org.syncline.model.topology.LinkPolicy#getBandwidthLimit <em>Bandwidth Limit</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Bandwidth Limit</em>'.
	 * @see org.syncline.model.topology.LinkPolicy#getBandwidthLimit()
	 * @see #getLinkPolicy()
	 * @generated
	 */
	EAttribute getLinkPolicy_BandwidthLimit();

	/**
	 * Returns the meta object for enum '{@link org.syncline.model.topology.TransferMode <em>Transfer Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Transfer Mode</em>'.
	 * @see org.syncline.model.topology.TransferMode
	 * @generated
	 */
	EEnum getTransferMode();

	/**
	 * Returns the meta object for enum '{@link org.syncline.model.topology.Codec <em>Codec</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Codec</em>'.
	 * @see org.syncline.model.topology.Codec
	 * @generated
	 */
	EEnum getCodec();

	/**
	 * Returns the meta object for enum '{@link org.syncline.model.topology.ServerState <em>Server State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Server State</em>'.
	 * @see org.syncline.model.topology.ServerState
	 * @generated
	 */
	EEnum getServerState();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	TopologyFactory getTopologyFactory();

	/**
	 * <!-- begin-user-doc -->
	 * Defines literals for the meta objects that represent
	 * <ul>
	 *   <li>each class,</li>
	 *   <li>each feature of each class,</li>
	 *   <li>each operation of each class,</li>
	 *   <li>each enum,</li>
	 *   <li>and each data type</li>
	 * </ul>
	 * <!-- end-user-doc -->
	 * @generated
	 */
	interface Literals {
		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.impl.NamedElementImpl <em>Named Element</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.impl.NamedElementImpl
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getNamedElement()
		 * @generated
		 */
		EClass NAMED_ELEMENT = eINSTANCE.getNamedElement();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute NAMED_ELEMENT__NAME = eINSTANCE.getNamedElement_Name();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.impl.DiagramElementImpl <em>Diagram Element</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.impl.DiagramElementImpl
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getDiagramElement()
		 * @generated
		 */
		EClass DIAGRAM_ELEMENT = eINSTANCE.getDiagramElement();

		/**
		 * The meta object literal for the '<em><b>X</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute DIAGRAM_ELEMENT__X = eINSTANCE.getDiagramElement_X();

		/**
		 * The meta object literal for the '<em><b>Y</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute DIAGRAM_ELEMENT__Y = eINSTANCE.getDiagramElement_Y();

		/**
		 * The meta object literal for the '<em><b>Width</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute DIAGRAM_ELEMENT__WIDTH = eINSTANCE.getDiagramElement_Width();

		/**
		 * The meta object literal for the '<em><b>Height</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute DIAGRAM_ELEMENT__HEIGHT = eINSTANCE.getDiagramElement_Height();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.impl.DeploymentImpl <em>Deployment</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.impl.DeploymentImpl
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getDeployment()
		 * @generated
		 */
		EClass DEPLOYMENT = eINSTANCE.getDeployment();

		/**
		 * The meta object literal for the '<em><b>Regions</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DEPLOYMENT__REGIONS = eINSTANCE.getDeployment_Regions();

		/**
		 * The meta object literal for the '<em><b>Unassigned</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DEPLOYMENT__UNASSIGNED = eINSTANCE.getDeployment_Unassigned();

		/**
		 * The meta object literal for the '<em><b>Routes</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DEPLOYMENT__ROUTES = eINSTANCE.getDeployment_Routes();

		/**
		 * The meta object literal for the '<em><b>Same Group Policy</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DEPLOYMENT__SAME_GROUP_POLICY = eINSTANCE.getDeployment_SameGroupPolicy();

		/**
		 * The meta object literal for the '<em><b>Same Region Policy</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DEPLOYMENT__SAME_REGION_POLICY = eINSTANCE.getDeployment_SameRegionPolicy();

		/**
		 * The meta object literal for the '<em><b>Between Regions Policy</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DEPLOYMENT__BETWEEN_REGIONS_POLICY = eINSTANCE.getDeployment_BetweenRegionsPolicy();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.impl.RegionImpl <em>Region</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.impl.RegionImpl
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getRegion()
		 * @generated
		 */
		EClass REGION = eINSTANCE.getRegion();

		/**
		 * The meta object literal for the '<em><b>Deployment</b></em>' container reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference REGION__DEPLOYMENT = eINSTANCE.getRegion_Deployment();

		/**
		 * The meta object literal for the '<em><b>Groups</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference REGION__GROUPS = eINSTANCE.getRegion_Groups();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.impl.RouteEndImpl <em>Route End</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.impl.RouteEndImpl
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getRouteEnd()
		 * @generated
		 */
		EClass ROUTE_END = eINSTANCE.getRouteEnd();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.impl.GroupImpl <em>Group</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.impl.GroupImpl
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getGroup()
		 * @generated
		 */
		EClass GROUP = eINSTANCE.getGroup();

		/**
		 * The meta object literal for the '<em><b>Region</b></em>' container reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference GROUP__REGION = eINSTANCE.getGroup_Region();

		/**
		 * The meta object literal for the '<em><b>Servers</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference GROUP__SERVERS = eINSTANCE.getGroup_Servers();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.impl.ServerImpl <em>Server</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.impl.ServerImpl
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getServer()
		 * @generated
		 */
		EClass SERVER = eINSTANCE.getServer();

		/**
		 * The meta object literal for the '<em><b>Group</b></em>' container reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SERVER__GROUP = eINSTANCE.getServer_Group();

		/**
		 * The meta object literal for the '<em><b>Host</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SERVER__HOST = eINSTANCE.getServer_Host();

		/**
		 * The meta object literal for the '<em><b>Port</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SERVER__PORT = eINSTANCE.getServer_Port();

		/**
		 * The meta object literal for the '<em><b>Roles</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SERVER__ROLES = eINSTANCE.getServer_Roles();

		/**
		 * The meta object literal for the '<em><b>Weight</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SERVER__WEIGHT = eINSTANCE.getServer_Weight();

		/**
		 * The meta object literal for the '<em><b>Tags</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SERVER__TAGS = eINSTANCE.getServer_Tags();

		/**
		 * The meta object literal for the '<em><b>Agent Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SERVER__AGENT_ID = eINSTANCE.getServer_AgentId();

		/**
		 * The meta object literal for the '<em><b>State</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SERVER__STATE = eINSTANCE.getServer_State();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.impl.RouteImpl <em>Route</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.impl.RouteImpl
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getRoute()
		 * @generated
		 */
		EClass ROUTE = eINSTANCE.getRoute();

		/**
		 * The meta object literal for the '<em><b>From</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ROUTE__FROM = eINSTANCE.getRoute_From();

		/**
		 * The meta object literal for the '<em><b>To</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ROUTE__TO = eINSTANCE.getRoute_To();

		/**
		 * The meta object literal for the '<em><b>Policy</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ROUTE__POLICY = eINSTANCE.getRoute_Policy();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.impl.LinkPolicyImpl <em>Link Policy</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.impl.LinkPolicyImpl
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getLinkPolicy()
		 * @generated
		 */
		EClass LINK_POLICY = eINSTANCE.getLinkPolicy();

		/**
		 * The meta object literal for the '<em><b>Transfer Mode</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LINK_POLICY__TRANSFER_MODE = eINSTANCE.getLinkPolicy_TransferMode();

		/**
		 * The meta object literal for the '<em><b>Compression</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LINK_POLICY__COMPRESSION = eINSTANCE.getLinkPolicy_Compression();

		/**
		 * The meta object literal for the '<em><b>Codec</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LINK_POLICY__CODEC = eINSTANCE.getLinkPolicy_Codec();

		/**
		 * The meta object literal for the '<em><b>Tls</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LINK_POLICY__TLS = eINSTANCE.getLinkPolicy_Tls();

		/**
		 * The meta object literal for the '<em><b>Bandwidth Limit</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LINK_POLICY__BANDWIDTH_LIMIT = eINSTANCE.getLinkPolicy_BandwidthLimit();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.TransferMode <em>Transfer Mode</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.TransferMode
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getTransferMode()
		 * @generated
		 */
		EEnum TRANSFER_MODE = eINSTANCE.getTransferMode();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.Codec <em>Codec</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.Codec
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getCodec()
		 * @generated
		 */
		EEnum CODEC = eINSTANCE.getCodec();

		/**
		 * The meta object literal for the '{@link org.syncline.model.topology.ServerState <em>Server State</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.syncline.model.topology.ServerState
		 * @see org.syncline.model.topology.impl.TopologyPackageImpl#getServerState()
		 * @generated
		 */
		EEnum SERVER_STATE = eINSTANCE.getServerState();

	}

} //TopologyPackage
