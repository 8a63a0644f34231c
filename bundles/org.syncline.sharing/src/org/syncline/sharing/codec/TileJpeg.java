package org.syncline.sharing.codec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** JPEG tiles through javax.imageio: one writer (or reader) reused for every tile. */
final class TileJpeg {

    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final Output output = new Output();
    private BufferedImage image;

    TileJpeg(float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no JPEG writer");
        }
        writer = writers.next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
    }

    byte[] encode(int[] pixels, int width, int height) {
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        image.setRGB(0, 0, width, height, pixels, 0, width);
        output.reset();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(output)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a tile in memory failed", e);
        }
        return output.copy();
    }

    /**
     * Decodes a JPEG tile into {@code target} (row after row, {@code width} a row), or returns a sentence saying why
     * the data is not a {@code width x height} JPEG.
     */
    static String decode(byte[] data, int width, int height, int[] target) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return "its data is not a JPEG picture";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (!"jpeg".equalsIgnoreCase(reader.getFormatName())) {
                    return "its data is a " + reader.getFormatName() + " picture, not a JPEG";
                }
                if (reader.getWidth(0) != width || reader.getHeight(0) != height) {
                    return "its picture is " + reader.getWidth(0) + "x" + reader.getHeight(0) + ", not " + width + "x"
                            + height;
                }
                BufferedImage picture = reader.read(0);
                picture.getRGB(0, 0, width, height, target, 0, width);
                for (int i = 0; i < width * height; i++) {
                    target[i] |= 0xff000000;
                }
                return null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return "its JPEG data is damaged";
        }
    }

    private static final class Output extends ByteArrayOutputStream {
        byte[] copy() {
            return Arrays.copyOf(buf, count);
        }
    }
}
