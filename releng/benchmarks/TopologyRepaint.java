import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.syncline.distribution.internal.ui.diagram.DiagramLayout;
import org.syncline.distribution.internal.ui.diagram.DiagramPainter;
import org.syncline.distribution.internal.ui.diagram.DiagramState;
import org.syncline.distribution.internal.ui.diagram.SwtGraphics;
import org.syncline.distribution.internal.ui.diagram.SwtGraphics.DiagramFonts;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;

/**
 * Repaint time of the topology editor's canvas: 1,000 servers in 50 groups (5 regions of 10 groups of 20),
 * 60 routes, painted by the editor's own painter into an off-screen image of a 1600x1000 window, N times per
 * view. After each paint one pixel is copied out and read, so the X server has finished drawing before the
 * clock stops. Views: 100 % zoom (what the window shows of the diagram), 50 % (the lowest zoom with labels),
 * and fit-to-window (the whole diagram, too small for labels); first a floor on the same machine in the same
 * run: the same image filled and read back, nothing drawn.
 *   usage: java -cp ... TopologyRepaint.java [N]
 */
public final class TopologyRepaint {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Deployment d = model();
        Display display = new Display();
        DiagramLayout layout = DiagramLayout.of(d);
        Rectangle extent = layout.extent();
        System.out.printf("model: %d servers, %d groups, %d routes; diagram %dx%d%n", 1000, 50, d.getRoutes().size(), extent.width, extent.height);
        int w = 1600;
        int h = 1000;
        DiagramState state = new DiagramState();
        state.selection.add(d.getRegions().get(0).getGroups().get(0).getServers().get(0));
        double fit = Math.min(w / (double) extent.width, h / (double) extent.height);
        run(display, null, state, w, h, 1.0, "floor (fill only)", n);
        run(display, layout, state, w, h, 1.0, "100 %", n);
        run(display, layout, state, w, h, 0.5, "50 %", n);
        run(display, layout, state, w, h, fit, String.format("fit (%.0f %%)", fit * 100), n);
        display.dispose();
    }

    private static void run(Display display, DiagramLayout layout, DiagramState state, int w, int h, double zoom, String name, int n) {
        Image image = new Image(display, w, h);
        Image probe = new Image(display, 1, 1);
        DiagramFonts fonts = new DiagramFonts(display);
        GC gc = new GC(image);
        double[] ms = new double[n];
        for (int i = -n / 5; i < n; i++) { // the first fifth warms up the JIT and the caches
            long t0 = System.nanoTime();
            gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(0, 0, w, h);
            Rectangle visible = new Rectangle(0, 0, (int) Math.ceil(w / zoom) + 1, (int) Math.ceil(h / zoom) + 1);
            if (layout != null) {
                DiagramPainter.paint(new SwtGraphics(gc, zoom, 0, 0, fonts), layout, state, visible, zoom);
            }
            gc.copyArea(probe, w / 2, h / 2);
            probe.getImageData();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        gc.dispose();
        image.dispose();
        probe.dispose();
        fonts.dispose();
        Arrays.sort(ms);
        System.out.printf("%-18s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms   (%d paints of %dx%d)%n", name, ms[n / 2], ms[(int) (n * 0.99)],
                ms[n - 1], n, w, h);
    }

    private static Deployment model() {
        TopologyFactory f = TopologyFactory.eINSTANCE;
        Deployment d = f.createDeployment();
        d.setName("bench");
        d.setSameRegionPolicy(f.createLinkPolicy());
        int server = 0;
        Group previous = null;
        for (int r = 0; r < 5; r++) {
            Region region = f.createRegion();
            region.setName("region-" + r);
            d.getRegions().add(region);
            for (int g = 0; g < 10; g++) {
                Group group = f.createGroup();
                group.setName("group-" + r + "-" + g);
                region.getGroups().add(group);
                for (int s = 0; s < 20; s++) {
                    Server sv = f.createServer();
                    sv.setName("server-" + server);
                    sv.setHost("host-" + server++ + ".example.org");
                    group.getServers().add(sv);
                }
                if (previous != null) {
                    d.getRoutes().add(route(f, previous, group));
                }
                previous = group;
            }
        }
        for (int i = 0; i < 11; i++) {
            d.getRoutes().add(route(f, d.getRegions().get(i % 5).getGroups().get(0).getServers().get(i), d.getRegions().get((i + 1) % 5).getGroups().get(1).getServers().get(i)));
        }
        return d;
    }

    private static Route route(TopologyFactory f, org.syncline.model.topology.RouteEnd from, org.syncline.model.topology.RouteEnd to) {
        Route r = f.createRoute();
        r.setFrom(from);
        r.setTo(to);
        return r;
    }
}
