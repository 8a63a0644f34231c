package org.syncline.distribution.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The palette's 16x16 icons, drawn once per editor in the diagram's own colours (no image files to keep in
 * step with the painter); disposed with the palette.
 */
final class PaletteIcons {
    private static final RGB CLEAR = new RGB(255, 0, 255);
    private static final int SIZE = 16;

    private final Display display;
    private final List<Image> made = new ArrayList<>();

    PaletteIcons(Display display) {
        this.display = display;
    }

    Image select() {
        return draw(gc -> {
            gc.setBackground(color(0x202020));
            gc.fillPolygon(new int[] { 3, 1, 3, 14, 6, 11, 9, 15, 11, 14, 8, 10, 12, 10 });
        });
    }

    Image region() {
        return draw(gc -> {
            gc.setForeground(color(0x5f6b7a));
            gc.setLineStyle(SWT.LINE_DASH);
            gc.drawRoundRectangle(1, 2, 13, 11, 4, 4);
        });
    }

    Image group() {
        return draw(gc -> {
            gc.setBackground(color(0xffffff));
            gc.fillRectangle(1, 2, 14, 12);
            gc.setBackground(color(0x4a78b5));
            gc.fillRectangle(1, 2, 14, 4);
            gc.setForeground(color(0x4a78b5));
            gc.drawRectangle(1, 2, 13, 11);
        });
    }

    Image server() {
        return draw(gc -> {
            gc.setBackground(color(0xd6f5d6));
            gc.fillRectangle(2, 2, 12, 12);
            gc.setForeground(color(0x2e7d32));
            gc.drawRectangle(2, 2, 11, 11);
            gc.drawLine(4, 6, 11, 6);
            gc.drawLine(4, 9, 11, 9);
        });
    }

    Image route() {
        return draw(gc -> {
            gc.setForeground(color(0x303030));
            gc.setBackground(color(0x303030));
            gc.setLineWidth(2);
            gc.drawLine(2, 13, 11, 4);
            gc.fillPolygon(new int[] { 14, 1, 14, 8, 7, 1 });
        });
    }

    Image layout() {
        return draw(gc -> {
            gc.setBackground(color(0x4a78b5));
            gc.fillRectangle(6, 1, 5, 4);
            gc.fillRectangle(1, 11, 5, 4);
            gc.fillRectangle(10, 11, 5, 4);
            gc.setForeground(color(0x4a78b5));
            gc.drawLine(8, 5, 3, 11);
            gc.drawLine(8, 5, 12, 11);
        });
    }

    /** A magnifier with "+" ({@code in}) or "-". */
    Image zoom(boolean in) {
        return draw(gc -> {
            gc.setForeground(color(0x303030));
            gc.setLineWidth(2);
            gc.drawOval(1, 1, 10, 10);
            gc.drawLine(10, 10, 14, 14);
            gc.setLineWidth(1);
            gc.drawLine(4, 6, 8, 6);
            if (in) {
                gc.drawLine(6, 4, 6, 8);
            }
        });
    }

    Image fit() {
        return draw(gc -> {
            gc.setForeground(color(0x303030));
            gc.setLineWidth(2);
            gc.drawPolyline(new int[] { 1, 5, 1, 1, 5, 1 });
            gc.drawPolyline(new int[] { 10, 1, 14, 1, 14, 5 });
            gc.drawPolyline(new int[] { 1, 10, 1, 14, 5, 14 });
            gc.drawPolyline(new int[] { 10, 14, 14, 14, 14, 10 });
        });
    }

    Image export() {
        return draw(gc -> {
            gc.setForeground(color(0x303030));
            gc.setBackground(color(0x303030));
            gc.drawRectangle(1, 9, 13, 5);
            gc.setLineWidth(2);
            gc.drawLine(8, 1, 8, 8);
            gc.fillPolygon(new int[] { 4, 6, 12, 6, 8, 11 });
        });
    }

    private Image draw(Consumer<GC> painter) {
        Image canvas = new Image(display, SIZE, SIZE);
        GC gc = new GC(canvas);
        Color clear = new Color(CLEAR);
        gc.setBackground(clear);
        gc.fillRectangle(0, 0, SIZE, SIZE);
        gc.setAntialias(SWT.OFF); // every pixel is either an icon colour or the transparent one
        painter.accept(gc);
        gc.dispose();
        ImageData data = canvas.getImageData();
        canvas.dispose();
        data.transparentPixel = data.palette.getPixel(CLEAR);
        Image icon = new Image(display, data);
        made.add(icon);
        return icon;
    }

    private static Color color(int rgb) {
        return new Color(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    void dispose() {
        made.forEach(Image::dispose);
    }
}
