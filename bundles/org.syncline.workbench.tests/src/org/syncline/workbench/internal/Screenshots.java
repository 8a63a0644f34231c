package org.syncline.workbench.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/** Saves what the (virtual) screen shows to target/screenshots/NAME, for people to look at after a UI test run. */
final class Screenshots {
    private Screenshots() {
    }

    static Path save(Display display, String name) throws Exception {
        UiEvents.flush();
        Rectangle bounds = display.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, 0, 0);
            } finally {
                gc.dispose();
            }
            Path file = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
            ImageLoader saver = new ImageLoader();
            saver.data = new ImageData[] {image.getImageData()};
            saver.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            image.dispose();
        }
    }
}
