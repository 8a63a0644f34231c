package org.syncline.distribution.internal.ui.diagram;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.internal.ui.diagram.SwtGraphics.DiagramFonts;

/**
 * The whole diagram as a PNG (painted by the same painter on an image) or an SVG (the same drawing written as
 * SVG elements), at 100 %. Written to a temporary file, synced and renamed: never half a file.
 */
public final class DiagramExport {
    private static final int MARGIN = 10;

    private DiagramExport() {
    }

    public static void png(Device device, DiagramLayout layout, Path file) {
        Rectangle e = layout.extent();
        Image image = new Image(device, e.width + MARGIN, e.height + MARGIN);
        GC gc = new GC(image);
        DiagramFonts fonts = new DiagramFonts(device);
        try {
            gc.setBackground(device.getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(0, 0, e.width + MARGIN, e.height + MARGIN);
            DiagramPainter.paint(new SwtGraphics(gc, 1, 0, 0, fonts), layout, new DiagramState(), null, 1);
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            write(file, out -> loader.save(out, SWT.IMAGE_PNG));
        } finally {
            gc.dispose();
            image.dispose();
            fonts.dispose();
        }
    }

    public static void svg(DiagramLayout layout, Path file) {
        Rectangle e = layout.extent();
        SvgGraphics svg = new SvgGraphics(e.width + MARGIN, e.height + MARGIN);
        svg.fillRect(0, 0, e.width + MARGIN, e.height + MARGIN, 0xffffff);
        DiagramPainter.paint(svg, layout, new DiagramState(), null, 1);
        byte[] bytes = svg.finish().getBytes(StandardCharsets.UTF_8);
        write(file, out -> out.write(bytes));
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path file, Writer writer) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                writer.write(out);
                out.getFD().sync();
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException ex) {
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException ignored) {
                // the export failed already; that error is the one to report
            }
            throw new SynclineException(ErrorCode.STORAGE, "Could not write " + file + ": " + ex.getMessage(), ex);
        }
    }
}
