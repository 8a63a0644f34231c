package org.syncline.server.api;

import java.util.List;
import java.util.Set;

import org.syncline.store.Migration;

/**
 * One capability's server side (administration, documents, sync, distribution, sharing). A bundle offers
 * it as an OSGi service (a Declarative Services component providing this interface); the server starts
 * the capabilities whose roles {@code --roles} asks for, each with its own {@link ServerContext}.
 * An implementation holds no state until {@link #start}: the server may look at it and never start it.
 */
public interface Capability {
    /** Lower-case letters: its message types and topics are {@code <name>.<verb>}, its schema component {@code <name>}. */
    String name();

    /** The server roles it serves ({@code registry}, {@code hub}, ...); empty when every server runs it. */
    Set<String> roles();

    /** Its schema, oldest first, numbered from 1; applied before {@link #start}. */
    List<Migration> migrations();

    /**
     * Registers its handlers and starts its engine. The server closes what it returns, in reverse start
     * order, when it stops. Throw a SynclineException to refuse to start (the server then does not start).
     */
    AutoCloseable start(ServerContext context) throws Exception;
}
