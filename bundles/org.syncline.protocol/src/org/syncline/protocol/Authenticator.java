package org.syncline.protocol;

import java.util.Optional;

/** Checks a user name and password; the server wires it to the user directory. */
@FunctionalInterface
public interface Authenticator {
    /** The principal, or empty for an unknown user or a wrong password (the caller cannot tell which). */
    Optional<Principal> authenticate(String user, char[] password);
}
