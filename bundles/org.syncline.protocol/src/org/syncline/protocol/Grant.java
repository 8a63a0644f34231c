package org.syncline.protocol;

import java.util.Objects;

/** One entry of an object's access list: a user or a group, and the right it holds on the object. */
public record Grant(Kind kind, String subject, Right right) {
    public enum Kind { USER, GROUP }

    public Grant {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(right);
    }

    public static Grant user(String name, Right right) {
        return new Grant(Kind.USER, name, right);
    }

    public static Grant group(String name, Right right) {
        return new Grant(Kind.GROUP, name, right);
    }

    public boolean appliesTo(Principal p) {
        return kind == Kind.USER ? p.name().equals(subject) : p.inGroup(subject);
    }
}
