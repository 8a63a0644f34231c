import java.io.File;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.syncline.server.ServerOptions;
import org.syncline.server.SynclineServer;
import org.syncline.server.api.Capability;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Several `syncline server` instances in one JVM, for benchmarks that run more servers than the machine has cores
 * (issue #13's fan-out: "the harness may run agents in fewer JVMs than 16 if each keeps its own endpoint, data dir
 * and link cap"). Each instance is the product's own {@link SynclineServer#start}, given the same arguments as
 * {@code syncline server} (its own --data, --port, TLS identity, --join/--token enrollment and settings) and the
 * capabilities the product's bundles declare: every jar on the class path whose manifest names a Declarative
 * Services component providing {@link Capability} (what SCR registers in the product) gets its implementation
 * class instantiated, afresh for each instance. No OSGi framework runs; the jars are the product's plugins/.
 * <p>
 * What is shared: the JVM (heap, JIT, GC threads), Derby's engine (each instance opens its own database), and
 * java.util.logging, which the server points at its data directory's logs/ on start: every instance logs to the
 * last started one's logs/ directory. Instances start one after the other; each one's console lines (the
 * "listening on" line included, as the product prints it) go to WORK/NAME.out. SIGTERM closes them all.
 *   args: WORK NAME...   (WORK/NAME.args: that instance's `syncline server` arguments, one a line)
 */
public class ServersInOneJvm {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ServersInOneJvm WORK NAME...   (WORK/NAME.args holds NAME's server arguments, one a line)");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        String version = serverVersion();
        List<SynclineServer> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (running) {
                for (int i = running.size() - 1; i >= 0; i--) {
                    running.get(i).close();
                }
                running.clear();
            }
        }, "syncline-shutdown"));
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String[] serverArgs = Files.readAllLines(work.resolve(name + ".args"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isEmpty()).toArray(String[]::new);
            ServerOptions options = ServerOptions.parse(serverArgs);
            PrintStream console = new PrintStream(new FileOutputStream(work.resolve(name + ".out").toFile(), true), true, StandardCharsets.UTF_8);
            SynclineServer server;
            try {
                server = SynclineServer.start(options, version, console, capabilities());
            } catch (RuntimeException e) {
                console.println("syncline server: " + e);
                e.printStackTrace(console);
                System.exit(1);
                return;
            }
            synchronized (running) {
                running.add(server);
            }
            console.println("Syncline server " + version + " listening on " + server.address().getAddress().getHostAddress() + ":"
                    + server.address().getPort() + " (TLS fingerprint " + server.fingerprint() + ")");
            console.println("Data: " + options.data() + "   Roles: " + String.join(",", options.roles()) + "   Capabilities: "
                    + String.join(",", server.capabilities()) + "   (one of " + (args.length - 1) + " servers in JVM "
                    + ProcessHandle.current().pid() + ")");
        }
        Thread.currentThread().join(); // until SIGTERM
    }

    /** A new instance of every Capability component the class path's bundles declare (their Service-Component XML). */
    static List<Capability> capabilities() throws Exception {
        List<Capability> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                String header = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Service-Component");
                if (header == null) {
                    continue;
                }
                for (String xml : header.split(",")) {
                    var e = jar.getJarEntry(xml.trim());
                    if (e == null) {
                        throw new IllegalStateException(entry + " names " + xml.trim() + " as a component, but does not hold it");
                    }
                    try (InputStream in = jar.getInputStream(e)) {
                        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                        f.setNamespaceAware(true);
                        Element root = f.newDocumentBuilder().parse(in).getDocumentElement();
                        if (!provides(root, Capability.class.getName())) {
                            continue;
                        }
                        String impl = ((Element) root.getElementsByTagName("implementation").item(0)).getAttribute("class");
                        found.add((Capability) Class.forName(impl).getDeclaredConstructor().newInstance());
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no jar on the class path declares a Capability component: give the product's plugins/ jars");
        }
        return found;
    }

    private static boolean provides(Element component, String type) {
        NodeList provides = component.getElementsByTagName("provide");
        for (int i = 0; i < provides.getLength(); i++) {
            if (type.equals(((Element) provides.item(i)).getAttribute("interface"))) {
                return true;
            }
        }
        return false;
    }

    /** The server bundle's version, as the product's application reports it (Bundle-Version of org.syncline.server). */
    private static String serverVersion() throws Exception {
        String jar = SynclineServer.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        try (JarFile f = new JarFile(jar)) {
            return f.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
    }
}
