package org.syncline.model.topology.xmi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.TopologyPackage;

/**
 * A deployment as one self-contained XMI document: the format of {@code topology export} / {@code import} and of
 * the master's database. Reading refuses a DOCTYPE (so no external entities) and references to other documents.
 */
public final class TopologyXmi {
    private static final URI NAME = URI.createURI("topology.xmi");

    private TopologyXmi() {
    }

    /** Writes a copy of {@code d} (it stays in its own resource); the live state of servers is not written. */
    public static void write(Deployment d, OutputStream out) throws IOException {
        XMIResourceImpl resource = new XMIResourceImpl(NAME);
        resource.getContents().add(EcoreUtil.copy(d));
        resource.save(out, Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));
    }

    public static byte[] bytes(Deployment d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(d, out);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.INTERNAL, "Could not write the topology as XMI: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Reads one deployment; anything else is refused with an INVALID_ARGUMENT that says what is wrong. */
    public static Deployment read(InputStream in) {
        ResourceSet set = new ResourceSetImpl();
        set.getPackageRegistry().put(TopologyPackage.eNS_URI, TopologyPackage.eINSTANCE);
        XMIResourceImpl resource = new XMIResourceImpl(NAME);
        set.getResources().add(resource);
        Map<String, Boolean> parser = new HashMap<>();
        parser.put("http://apache.org/xml/features/disallow-doctype-decl", true);
        parser.put("http://xml.org/sax/features/external-general-entities", false);
        parser.put("http://xml.org/sax/features/external-parameter-entities", false);
        try {
            resource.load(in, Map.of(XMLResource.OPTION_PARSER_FEATURES, parser));
        } catch (IOException | RuntimeException e) {
            throw refused(reason(e));
        }
        if (resource.getContents().size() != 1 || !(resource.getContents().get(0) instanceof Deployment d)) {
            throw refused("it must hold exactly one Deployment element");
        }
        Map<EObject, Collection<EStructuralFeature.Setting>> external = EcoreUtil.ProxyCrossReferencer.find(resource);
        if (!external.isEmpty()) {
            URI target = EcoreUtil.getURI(external.keySet().iterator().next());
            throw refused("it refers to another document (" + Names.printable(target.toString())
                    + "); a topology is one self-contained file");
        }
        resource.getContents().clear(); // detaches the deployment from the throw-away resource set
        return d;
    }

    private static SynclineException refused(String why) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, "The topology is not valid XMI: " + why + ".");
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof org.eclipse.emf.ecore.resource.Resource.IOWrappedException)) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof org.xml.sax.SAXParseException s) {
            m = "line " + s.getLineNumber() + ": " + m;
        } else if (t instanceof org.eclipse.emf.ecore.xmi.XMIException x && x.getLine() > 0) {
            m = "line " + x.getLine() + ": " + m;
        }
        // EMF appends "(location, line, column)": the line is given already and the location is nobody's business
        m = m.replaceAll("\\s*\\([^()]*, ?-?\\d+, ?-?\\d+\\)\\s*$", "");
        return Names.printable(m.replaceAll("\\s+", " ").strip().replaceAll("\\.$", ""));
    }
}
