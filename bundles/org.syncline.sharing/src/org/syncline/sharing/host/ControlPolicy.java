package org.syncline.sharing.host;

/**
 * Decides a viewer's request for the control token. It is called on a thread of its own (never the connection's),
 * so it may ask a person and wait; it answers with {@link HostSession#grant(String)} or
 * {@link HostSession#refuse(String)}.
 */
@FunctionalInterface
public interface ControlPolicy {

    /** Grants every request. */
    ControlPolicy GRANT_ALL = (session, user) -> session.grant(user);
    /** Refuses every request. */
    ControlPolicy REFUSE_ALL = (session, user) -> session.refuse(user);

    void requested(HostSession session, String user);
}
