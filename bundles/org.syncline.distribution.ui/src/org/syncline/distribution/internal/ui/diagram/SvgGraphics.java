package org.syncline.distribution.internal.ui.diagram;

/**
 * {@link DiagramGraphics} that writes SVG elements, for export. Text widths are estimated from the font size,
 * as an SVG has no font metrics until a viewer renders it.
 */
public final class SvgGraphics implements DiagramGraphics {
    private static final int FONT_SIZE = 12;
    private final StringBuilder svg = new StringBuilder();

    public SvgGraphics(int width, int height) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"").append(FONT_SIZE).append("\">\n");
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }

    @Override
    public void fillRect(int x, int y, int w, int h, int rgb) {
        svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", x, y, w, h, hex(rgb)));
    }

    @Override
    public void drawRect(int x, int y, int w, int h, int rgb, int lineWidth) {
        svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"%s\" stroke-width=\"%d\"/>%n",
                x, y, w, h, hex(rgb), lineWidth));
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2, int rgb, int lineWidth) {
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%d\"/>%n", x1, y1, x2, y2,
                hex(rgb), lineWidth));
    }

    @Override
    public void fillPolygon(int[] xy, int rgb) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            points.append(i == 0 ? "" : " ").append(xy[i]).append(',').append(xy[i + 1]);
        }
        svg.append("<polygon points=\"").append(points).append("\" fill=\"").append(hex(rgb)).append("\"/>\n");
    }

    @Override
    public void drawText(String text, int x, int y, int rgb, boolean bold) {
        svg.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"%s\"%s>%s</text>%n", x, y + FONT_SIZE, hex(rgb),
                bold ? " font-weight=\"bold\"" : "", escape(text)));
    }

    @Override
    public int textWidth(String text, boolean bold) {
        return text.length() * FONT_SIZE * (bold ? 7 : 6) / 10;
    }

    public String finish() {
        return svg.append("</svg>\n").toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return b.toString();
    }
}
