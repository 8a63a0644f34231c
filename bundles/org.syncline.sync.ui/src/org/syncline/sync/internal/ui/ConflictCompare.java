package org.syncline.sync.internal.ui;

import org.eclipse.compare.CompareConfiguration;
import org.eclipse.compare.CompareEditorInput;
import org.eclipse.compare.structuremergeviewer.DiffNode;
import org.eclipse.core.runtime.IProgressMonitor;

/** The original (left) and its conflict copy (right) side by side, read-only. */
final class ConflictCompare extends CompareEditorInput {
    private final ConflictCopies.Copy copy;

    ConflictCompare(ConflictCopies.Copy copy) {
        super(configuration(copy));
        this.copy = copy;
        setTitle("Compare " + copy.original().getFileName() + " with its conflict copy");
    }

    private static CompareConfiguration configuration(ConflictCopies.Copy copy) {
        CompareConfiguration c = new CompareConfiguration();
        c.setLeftEditable(false);
        c.setRightEditable(false);
        c.setLeftLabel("Mine: " + copy.original().getFileName());
        c.setRightLabel("Conflict copy by " + copy.user() + " at " + copy.when());
        return c;
    }

    @Override
    protected Object prepareInput(IProgressMonitor monitor) {
        return new DiffNode(new FileElement(copy.original(), copy.original().getFileName().toString()),
                new FileElement(copy.file(), copy.file().getFileName().toString()));
    }
}
