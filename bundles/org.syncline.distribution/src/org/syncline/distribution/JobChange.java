package org.syncline.distribution;

/** Pushed on every change of a job: {@code change} is created, updated, enabled, disabled or removed. */
public record JobChange(String change, Job job, String by) {
}
