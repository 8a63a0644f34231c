package org.syncline.protocol.internal;

import java.util.Map;

import org.apache.mina.core.session.IoSession;
import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;
import org.syncline.protocol.Principal;
import org.syncline.protocol.RequestContext;

/** A handler's view of the session that sent the request. */
final class HandlerContext implements RequestContext {
    private final IoSession session;
    private final Principal principal;

    HandlerContext(IoSession session, Principal principal) {
        this.session = session;
        this.principal = principal;
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public java.net.SocketAddress remoteAddress() {
        return session.getRemoteAddress();
    }

    @Override
    public long sessionId() {
        return session.getId();
    }

    @Override
    public boolean open() {
        return session.isConnected() && !session.isClosing();
    }

    @Override
    public void push(String type, Map<String, Object> body) {
        Sessions.send(session, Frame.json(FrameKind.PUSH, 0, type, body));
    }
}
