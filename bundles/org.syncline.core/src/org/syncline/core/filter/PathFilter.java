package org.syncline.core.filter;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a job passes on: a path passes when it matches an include pattern (or there are none) and no exclude
 * pattern, and the change is one of the job's operations. A move passes when either end would: a file moved
 * out of the filtered set must leave the targets, one moved into it must arrive.
 */
public final class PathFilter {
    private final List<PathPattern> includes;
    private final List<PathPattern> excludes;
    private final Set<Operation> operations;

    public PathFilter(List<String> includes, List<String> excludes, Set<Operation> operations) {
        this.includes = includes.stream().map(PathPattern::parse).toList();
        this.excludes = excludes.stream().map(PathPattern::parse).toList();
        this.operations = operations.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(operations);
    }

    /** Everything, every operation. */
    public static PathFilter all() {
        return new PathFilter(List.of(), List.of(), EnumSet.allOf(Operation.class));
    }

    /** Whether the path is in the job's set of files, whatever the operation. */
    public boolean selects(String path) {
        if (!includes.isEmpty() && includes.stream().noneMatch(p -> p.matches(path))) {
            return false;
        }
        return excludes.stream().noneMatch(p -> p.matches(path));
    }

    /** Whether {@code op} on {@code path} goes to the targets. */
    public boolean passes(String path, Operation op) {
        return operations.contains(op) && selects(path);
    }

    /** Whether a move from {@code from} to {@code to} goes to the targets. */
    public boolean passesMove(String from, String to) {
        return operations.contains(Operation.MOVE) && (selects(from) || selects(to));
    }

    public Set<Operation> operations() {
        return EnumSet.copyOf(operations.isEmpty() ? EnumSet.noneOf(Operation.class) : operations);
    }
}
