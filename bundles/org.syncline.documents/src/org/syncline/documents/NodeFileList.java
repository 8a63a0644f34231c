package org.syncline.documents;

import java.util.List;

/** Up to the asked number of files of a node's inventory, and how many there are in all. */
public record NodeFileList(List<NodeFile> files, long total) {
    public NodeFileList {
        files = List.copyOf(files);
    }
}
