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
        settle(display);
        Rectangle bounds = display.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, 0, 0);
            } finally {
                gc.dispose();
            }
            return write(image, name);
        } finally {
            image.dispose();
        }
    }

    /**
     * Saves the window as its widgets draw it now (Control.print), not as the screen last showed it: under Xvfb GTK
     * may not have painted a change of a moment ago, and a screen copy then shows the state before it.
     */
    static Path save(org.eclipse.swt.widgets.Shell shell, String name) throws Exception {
        settle(shell.getDisplay());
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        try {
            GC gc = new GC(image);
            try {
                shell.print(gc);
            } finally {
                gc.dispose();
            }
            return write(image, name);
        } finally {
            image.dispose();
        }
    }

    /**
     * Lets GTK catch up before a picture: a table re-sorted or re-labelled a moment ago is revalidated in GTK's idle and
     * frame-clock callbacks, which one pass over the event queue does not reach (a picture taken at once showed the rows
     * in their old order). Only what is pictured waits; no test asserts on it.
     */
    private static void settle(Display display) throws InterruptedException {
        long until = System.currentTimeMillis() + 300;
        while (System.currentTimeMillis() < until) {
            UiEvents.flush();
            for (org.eclipse.swt.widgets.Shell s : display.getShells()) {
                if (s.isVisible()) {
                    s.update();
                }
            }
            Thread.sleep(20);
        }
    }

    private static Path write(Image image, String name) throws Exception {
        Path file = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        ImageLoader saver = new ImageLoader();
        saver.data = new ImageData[] {image.getImageData()};
        saver.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }
}
