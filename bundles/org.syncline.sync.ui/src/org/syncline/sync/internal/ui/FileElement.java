package org.syncline.sync.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.compare.IStreamContentAccessor;
import org.eclipse.compare.ITypedElement;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.graphics.Image;

/** One side of a compare: a local file, read-only, streamed when the compare viewer asks for it. */
final class FileElement implements ITypedElement, IStreamContentAccessor {
    private final Path file;
    private final String label;

    FileElement(Path file, String label) {
        this.file = file;
        this.label = label;
    }

    @Override
    public String getName() {
        return label;
    }

    @Override
    public Image getImage() {
        return null;
    }

    /** The extension, which picks the content viewer; "txt" when there is none. */
    @Override
    public String getType() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1) : ITypedElement.TEXT_TYPE;
    }

    @Override
    public InputStream getContents() throws CoreException {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new CoreException(Status.error(file + " cannot be read: " + e.getMessage(), e));
        }
    }

}
