package org.syncline.distribution;

import java.util.List;

/**
 * A run's file reports in the order they came, one page of them; {@code next}: the cursor of the page after it;
 * {@code more}: whether one follows.
 */
public record RunFilesPage(List<RunFile> files, long next, boolean more) {
}
