package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.documents.internal.ui.DocumentsPerspective;
import org.syncline.documents.internal.ui.DocumentsView;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * The user chooses the storage node in the workbench as {@code docs put --node} does on the command line: files dropped
 * (or picked with Register Files...) while the Node filter shows a node are kept on that node; with "(any node)" the
 * registry chooses by free space. A second node, a real process joined with an enrollment token, is small, so the
 * registry's own choice is the other one.
 */
class DocumentsNodeChoiceLiveTest {
    private static final String SMALL = "small-node";
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-docs-nodes");

    @Test
    void filesRegisteredWhileTheNodeFilterShowsANodeAreKeptOnIt() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(DocumentsPerspective.ID, window);
        DocumentsView view = (DocumentsView) window.getActivePage().showView(DocumentsView.ID);
        Path dir = Files.createTempDirectory("syncline-ui-node-choice");
        Path chosen = Files.writeString(dir.resolve("on-the-small-node.txt"), "kept where the user looked");
        Path free = Files.writeString(dir.resolve("where-the-registry-says.txt"), "kept where there is room");
        try (ServerProcess small = new ServerProcess(Files.createTempDirectory("syncline-ui-docs-small-node"), "--roles", "storage", "--join",
                server.address().toString(), "--token", server.process().enrollmentToken(), "--set", "docs.node-name=" + SMALL,
                "--set", "docs.capacity=" + (64L << 20), "--set", "docs.heartbeat=1s");
                WorkbenchLink link = server.connectWorkbench();
                Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            DocumentsClient docs = new DocumentsClient(other);
            UiEvents.waitUntil("the browser to show the server", () -> view.getContentDescription().endsWith(link.label()));
            UiEvents.waitFor("the node filter to offer both nodes", () -> view.nodeChoices().size() == 2 ? Boolean.TRUE : null, 60);

            view.filterNode(SMALL);
            assertNotNull(view.register(List.of(chosen)));
            assertEquals(SMALL, UiEvents.waitFor("the first file registered", () -> nodeOf(docs, "on-the-small-node.txt"), 30));

            view.filterNode(null);
            view.register(List.of(free));
            String registryChoice = UiEvents.waitFor("the second file registered", () -> nodeOf(docs, "where-the-registry-says.txt"), 30);
            assertNotEquals(SMALL, registryChoice, "with (any node) the registry keeps it where there is most room");
        }
    }

    /** The node of the one document of that name, or null while there is none. */
    private static String nodeOf(DocumentsClient docs, String name) {
        List<DocumentInfo> found = docs.search(DocumentQuery.all().withName(name)).documents();
        return found.isEmpty() ? null : found.get(0).node();
    }
}
