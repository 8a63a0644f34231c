package org.syncline.model.topology.policy;

/** Where two route ends sit relative to each other; each scope has its own default policy on the deployment. */
public enum LinkScope {
    SAME_GROUP,
    SAME_REGION,
    BETWEEN_REGIONS
}
