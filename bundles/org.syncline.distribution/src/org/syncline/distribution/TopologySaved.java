package org.syncline.distribution;

import java.util.List;

/** The answer to an accepted save: the version it became and the validator's warnings (errors refuse a save). */
public record TopologySaved(TopologyVersion version, List<String> warnings) {
    public TopologySaved {
        warnings = List.copyOf(warnings);
    }
}
