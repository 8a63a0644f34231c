package org.syncline.distribution;

import java.time.Instant;

/**
 * One holder of the {@code distribution-manage} right on a master: a user or a group (kind {@code user} or
 * {@code group}) that may change the topology and the jobs without being an administrator.
 */
public record ManageGrant(String kind, String subject, String grantedBy, Instant grantedAt) {
    public static final String USER = "user";
    public static final String GROUP = "group";
    /** The right's name as users see it. */
    public static final String RIGHT = "distribution-manage";
}
