package org.syncline.protocol;

import java.util.Map;

import org.syncline.core.Names;

/**
 * The endpoint as one capability sees it: every message type and topic it registers must be named
 * {@code <capability>.<verb>}, so two capabilities can never take each other's messages.
 */
public final class CapabilityEndpoint {
    private final Endpoint endpoint;
    private final String capability;

    CapabilityEndpoint(Endpoint endpoint, String capability) {
        if (capability == null || !capability.matches("[a-z]{2,32}") || capability.equals("session") || capability.equals("server")) {
            throw new IllegalArgumentException("A capability name is lower-case letters, not 'session' or 'server': '" + Names.printable(String.valueOf(capability)) + "'");
        }
        this.endpoint = endpoint;
        this.capability = capability;
    }

    public String capability() {
        return capability;
    }

    public void handle(String type, Access access, RequestHandler handler) {
        endpoint.handle(checked(type), access, handler);
    }

    public void handleUpload(String type, Access access, UploadHandler handler) {
        endpoint.handleUpload(checked(type), access, handler);
    }

    public void handleDownload(String type, Access access, DownloadHandler handler) {
        endpoint.handleDownload(checked(type), access, handler);
    }

    /**
     * Admits logins with this capability's transfer tickets: {@code check} decides; such a session may send only
     * the messages registered for {@link Access#TICKET}.
     */
    public void acceptTickets(TicketCheck check) {
        endpoint.acceptTickets(capability, check);
    }

    public void topic(String topic, Access access) {
        endpoint.topic(checked(topic), access);
    }

    public void publish(String topic, String type, Map<String, Object> body) {
        endpoint.publish(checked(topic), checked(type), body);
    }

    /** Pushes only to subscribers whose principal {@code audience} accepts (those who may see the object). */
    public void publish(String topic, String type, Map<String, Object> body, java.util.function.Predicate<Principal> audience) {
        endpoint.publish(checked(topic), checked(type), body, audience);
    }

    /** How many logged-in sessions the endpoint has now (an agent reports it to its master). */
    public int loggedInSessions() {
        return endpoint.loggedInSessions();
    }

    public void onSessionsChanged(Runnable listener) {
        endpoint.onSessionsChanged(listener);
    }

    /** Closes every session of {@code user} except {@code keepSessionId} (0 keeps none); returns how many. */
    public int closeSessionsOf(String user, long keepSessionId, String reason) {
        return endpoint.closeSessionsOf(user, keepSessionId, reason);
    }

    private String checked(String name) {
        String prefix = capability + ".";
        if (name == null || !name.startsWith(prefix) || name.length() == prefix.length()) {
            throw new IllegalArgumentException("Capability '" + capability + "' may only register names '" + prefix
                    + "<verb>', not '" + Names.printable(String.valueOf(name)) + "'");
        }
        return name;
    }
}
