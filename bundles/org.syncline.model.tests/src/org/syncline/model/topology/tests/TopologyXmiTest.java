package org.syncline.model.topology.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.model.topology.Codec;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.ServerState;
import org.syncline.model.topology.TransferMode;
import org.syncline.model.topology.xmi.TopologyXmi;

class TopologyXmiTest {
    private static Deployment read(String xml) {
        return TopologyXmi.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDeploymentSurvivesTheRoundTripWithRoutesLayoutAndPoliciesButNotItsLiveState() {
        Deployment d = Fixtures.sample();
        Server web1 = Fixtures.server(d, "web-1");
        web1.getRoles().addAll(List.of("agent", "storage"));
        web1.getTags().add("images");
        web1.setWeight(3);
        web1.setAgentId("agent-7f3a");
        web1.setX(10);
        web1.setY(20);
        web1.setWidth(120);
        web1.setHeight(40);
        Route r = Fixtures.route(d, web1, Fixtures.group(d, "us", "web"));
        r.setPolicy(Fixtures.policy(TransferMode.WHOLE_FILE, 0, false, 42));
        d.getSameGroupPolicy().setCodec(Codec.ZSTD);
        Server pooled = Fixtures.F.createServer();
        pooled.setName("new-agent");
        pooled.setHost("10.0.0.9");
        d.getUnassigned().add(pooled);
        byte[] first = TopologyXmi.bytes(d);
        web1.setState(ServerState.ALERTING);
        assertArrayEquals(first, TopologyXmi.bytes(d), "live state is not saved");

        Deployment back = read(new String(first, StandardCharsets.UTF_8));
        web1.setState(ServerState.UNKNOWN);
        assertTrue(EcoreUtil.equals(d, back));
        assertSame(Fixtures.server(back, "web-1"), back.getRoutes().get(0).getFrom(), "references point into the read model");
        assertArrayEquals(first, TopologyXmi.bytes(back), "writing is deterministic");
        assertEquals(Codec.ZSTD, back.getSameGroupPolicy().getCodec());
        assertEquals(Codec.DEFLATE, back.getRoutes().get(0).getPolicy().getCodec(), "deflate unless a policy says otherwise");
        assertSame(d, web1.eContainer().eContainer().eContainer(), "writing leaves the model where it was");
    }

    @Test
    void malformedXmlIsRefusedWithItsLine() {
        SynclineException e = assertThrows(SynclineException.class, () -> read("<?xml version=\"1.0\"?>\n<topology:Deployment\n <oops"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().startsWith("The topology is not valid XMI: line 3: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n") && e.getMessage().endsWith("."), e.getMessage());
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsRead() {
        SynclineException e = assertThrows(SynclineException.class, () -> read("<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<topology:Deployment xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
                + "xmlns:topology=\"http://syncline.org/model/topology/1.0\" name=\"&x;\"/>"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    @Test
    void referencesToOtherDocumentsAreRefused() {
        SynclineException e = assertThrows(SynclineException.class, () -> read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<topology:Deployment xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:topology=\"http://syncline.org/model/topology/1.0\" name=\"d\">\n"
                + "  <routes><from xsi:type=\"topology:Server\" href=\"http://attacker.example/t.xmi#//@unassigned.0\"/></routes>\n"
                + "</topology:Deployment>"));
        assertEquals("The topology is not valid XMI: it refers to another document (http://attacker.example/t.xmi#//@unassigned.0); "
                + "a topology is one self-contained file.", e.getMessage());
    }

    @Test
    void otherModelsAndUnknownElementsAreRefused() {
        SynclineException e = assertThrows(SynclineException.class, () -> read("<?xml version=\"1.0\"?>\n"
                + "<ecore:EPackage xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:ecore=\"http://www.eclipse.org/emf/2002/Ecore\" name=\"x\"/>"));
        assertEquals("The topology is not valid XMI: it must hold exactly one Deployment element.", e.getMessage());
        SynclineException unknown = assertThrows(SynclineException.class, () -> read("<?xml version=\"1.0\"?>\n"
                + "<topology:Deployment xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
                + "xmlns:topology=\"http://syncline.org/model/topology/1.0\" colour=\"red\"/>"));
        assertEquals("The topology is not valid XMI: line 2: Feature 'colour' not found.", unknown.getMessage());
    }
}
