package org.syncline.documents.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.documents.DocumentsMessages;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.KnownServers;
import org.syncline.protocol.TicketCheck;

/**
 * One transfer straight between this client and the storage node that holds (or will hold) the content, on a
 * route the registry gave after checking the user's right: the node's address, the certificate it must present
 * (nothing else is accepted) and a single-use ticket to log in with. One TLS hop instead of two.
 */
final class DirectTransfer {
    private final String name;
    private final HostPort node;
    private final String fingerprint;
    private final String ticket;
    private final String secret;

    private DirectTransfer(String name, HostPort node, String fingerprint, String ticket, String secret) {
        this.name = name;
        this.node = node;
        this.fingerprint = fingerprint;
        this.ticket = ticket;
        this.secret = secret;
    }

    /** The route in a {@code docs.transfer} answer, or null when the content goes through the registry. */
    static DirectTransfer from(JsonObject answer) {
        if (!answer.has("direct")) {
            return null;
        }
        JsonObject d = answer.object("direct");
        return new DirectTransfer(d.string("node"), new HostPort(d.string("host"), (int) d.number("port")), d.string("fingerprint"), d.string("ticket"),
                d.string("secret"));
    }

    String ticket() {
        return ticket;
    }

    /**
     * Sends {@code content} to the node; returns false, having read nothing of it, when the node cannot be reached
     * or does not take the ticket (then the caller sends it through the registry).
     */
    boolean upload(ConnectionSettings via, InputStream content) {
        return transfer(via, "upload", c -> c.upload(DocumentsMessages.BLOB_SEND, Json.object(), content));
    }

    /** Writes the content to {@code sink}; false, having written nothing, when the node cannot be reached or does not take the ticket. */
    boolean download(ConnectionSettings via, OutputStream sink) {
        return transfer(via, "download", c -> c.download(DocumentsMessages.BLOB_FETCH, Json.object(), sink));
    }

    private boolean transfer(ConnectionSettings via, String what, java.util.function.Consumer<Connection> transfer) {
        Connection c = open(via);
        if (c == null) {
            return false;
        }
        try (c) {
            transfer.accept(c);
            return true;
        } catch (SynclineException e) {
            throw failed(what, e);
        }
    }

    /** A transfer that failed part-way: the user retries, as with a node that dies behind the registry. */
    private SynclineException failed(String what, SynclineException e) {
        if (e.code() == ErrorCode.CONNECTION_FAILED || e.code() == ErrorCode.TIMEOUT) {
            return new SynclineException(ErrorCode.CONNECTION_FAILED, "The storage node '" + name + "' failed during the " + what + " ("
                    + e.getMessage() + "); nothing was changed, try again.", e);
        }
        return e;
    }

    private Connection open(ConnectionSettings via) {
        Path pins;
        try {
            pins = Files.createTempFile("syncline-node", ".known");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ConnectionSettings settings = new ConnectionSettings(node, TicketCheck.loginName(DocumentsMessages.CAPABILITY, ticket),
                    secret.toCharArray(), via.clientName(), via.requestTimeout(), false);
            return Connection.open(settings, new KnownServers(pins), (hp, presented) -> presented.equalsIgnoreCase(fingerprint));
        } catch (SynclineException e) {
            if (e.code() == ErrorCode.CONNECTION_FAILED || e.code() == ErrorCode.TIMEOUT || e.code() == ErrorCode.AUTH_FAILED) {
                return null; // not reachable from here (or restarted and forgot the ticket): the registry relays instead
            }
            throw e;
        } finally {
            try {
                Files.deleteIfExists(pins);
            } catch (IOException e) {
                // a temporary file of pins, nothing secret
            }
        }
    }
}
