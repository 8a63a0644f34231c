package org.syncline.distribution.internal.ui.diagram;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;

/** {@link DiagramGraphics} on an SWT GC, zoomed and scrolled by the GC's caller through x/y offsets and scale. */
public final class SwtGraphics implements DiagramGraphics {
    private final GC gc;
    private final double zoom;
    private final int dx;
    private final int dy;
    private final Font plain;
    private final Font bold;
    private final DiagramFonts fonts;
    private final Map<Integer, Color> colors = new HashMap<>();
    private Boolean boldNow;

    /**
     * @param fonts the plain and bold fonts for this zoom (see {@link DiagramFonts}); not disposed here
     * @param dx screen x of diagram x = 0
     */
    public SwtGraphics(GC gc, double zoom, int dx, int dy, DiagramFonts fonts) {
        this.gc = gc;
        this.zoom = zoom;
        this.dx = dx;
        this.dy = dy;
        this.fonts = fonts;
        this.plain = fonts.plain(zoom);
        this.bold = fonts.bold(zoom);
        gc.setAntialias(SWT.OFF);
        gc.setTextAntialias(SWT.ON);
    }

    private int sx(int x) {
        return (int) Math.round(x * zoom) + dx;
    }

    private int sy(int y) {
        return (int) Math.round(y * zoom) + dy;
    }

    private int s(int v) {
        return Math.max(1, (int) Math.round(v * zoom));
    }

    private Color color(int rgb) {
        return colors.computeIfAbsent(rgb, c -> new Color((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
    }

    @Override
    public void fillRect(int x, int y, int w, int h, int rgb) {
        gc.setBackground(color(rgb));
        gc.fillRectangle(sx(x), sy(y), s(w), s(h));
    }

    @Override
    public void drawRect(int x, int y, int w, int h, int rgb, int lineWidth) {
        gc.setForeground(color(rgb));
        gc.setLineWidth(lineWidth);
        gc.drawRectangle(sx(x), sy(y), s(w), s(h));
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2, int rgb, int lineWidth) {
        gc.setForeground(color(rgb));
        gc.setLineWidth(lineWidth);
        gc.drawLine(sx(x1), sy(y1), sx(x2), sy(y2));
    }

    @Override
    public void fillPolygon(int[] xy, int rgb) {
        int[] screen = new int[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            screen[i] = sx(xy[i]);
            screen[i + 1] = sy(xy[i + 1]);
        }
        gc.setBackground(color(rgb));
        gc.fillPolygon(screen);
    }

    @Override
    public void drawText(String text, int x, int y, int rgb, boolean isBold) {
        if (boldNow == null || boldNow != isBold) {
            gc.setFont(isBold ? bold : plain);
            boldNow = isBold;
        }
        gc.setForeground(color(rgb));
        gc.drawText(text, sx(x), sy(y), SWT.DRAW_TRANSPARENT);
    }

    @Override
    public int textWidth(String text, boolean isBold) {
        Font font = isBold ? bold : plain;
        int screen = fonts.width(font, text, () -> {
            gc.setFont(font);
            boldNow = isBold;
            return gc.textExtent(text).x;
        });
        return (int) Math.round(screen / zoom);
    }

    /** Fonts of a size that follows the zoom, made once per zoom level and kept. */
    public static final class DiagramFonts {
        private final org.eclipse.swt.graphics.Device device;
        private final FontData base;
        private final Map<Long, Font> fonts = new HashMap<>();
        /** Text widths by font and text: measuring is the slow part of painting labels. */
        private final Map<Font, Map<String, Integer>> widths = new HashMap<>();

        public DiagramFonts(org.eclipse.swt.graphics.Device device) {
            this.device = device;
            this.base = device.getSystemFont().getFontData()[0];
        }

        Font plain(double zoom) {
            return font(zoom, SWT.NORMAL);
        }

        Font bold(double zoom) {
            return font(zoom, SWT.BOLD);
        }

        private Font font(double zoom, int style) {
            int height = Math.max(4, (int) Math.round(9 * zoom));
            return fonts.computeIfAbsent((long) height * 4 + style, k -> new Font(device, base.getName(), height, style));
        }

        int width(Font font, String text, java.util.function.IntSupplier measure) {
            Map<String, Integer> known = widths.computeIfAbsent(font, f -> new HashMap<>());
            if (known.size() > 20_000) {
                known.clear();
            }
            Integer w = known.get(text);
            if (w == null) {
                w = measure.getAsInt();
                known.put(text, w);
            }
            return w;
        }

        public void dispose() {
            widths.clear();
            fonts.values().forEach(Font::dispose);
            fonts.clear();
        }
    }
}
