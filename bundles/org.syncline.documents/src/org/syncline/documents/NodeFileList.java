package org.syncline.documents;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Up to the asked number of files of a node's inventory, and how many there are in all; {@code purgeAfter}: for each
 * listed orphan the registry's automatic sweep will purge, by SHA-256, when (empty when the sweep is off; a registry
 * from before the sweep sends none).
 */
public record NodeFileList(List<NodeFile> files, long total, Map<String, Instant> purgeAfter) {
    public NodeFileList {
        files = List.copyOf(files);
        purgeAfter = purgeAfter == null ? Map.of() : Map.copyOf(purgeAfter);
    }
}
