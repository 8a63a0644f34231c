package org.syncline.itests;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.syncline.core.HostPort;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;

/** A TLS socket that writes whatever bytes a test wants, to see how the real server takes them. */
final class RawClient implements AutoCloseable {
    private final SSLSocket socket;
    final DataOutputStream out;
    private final DataInputStream in;

    RawClient(HostPort address) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] c, String a) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] c, String a) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        socket = (SSLSocket) ctx.getSocketFactory().createSocket(address.host(), address.port());
        socket.setSoTimeout(20_000);
        socket.startHandshake();
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    void hello(long version) throws IOException {
        byte[] body = ("{\"protocol\":" + version + "}").getBytes(StandardCharsets.UTF_8);
        out.writeInt(Frame.HEADER + body.length);
        out.writeByte(FrameKind.HELLO.code());
        out.writeLong(0);
        out.writeShort(0);
        out.write(body);
        out.flush();
    }

    /** Reads one frame and returns its kind and JSON body. */
    Object[] readFrame() throws IOException {
        int length = in.readInt();
        FrameKind kind = FrameKind.of(in.readByte());
        in.readLong();
        int typeLength = in.readUnsignedShort();
        in.skipNBytes(typeLength);
        byte[] body = new byte[length - Frame.HEADER - typeLength];
        in.readFully(body);
        return new Object[] {kind, JsonObject.parse(new String(body, StandardCharsets.UTF_8))};
    }

    boolean closedByServer() {
        try {
            while (in.read() >= 0) {
                // drain until the server closes
            }
            return true;
        } catch (IOException e) {
            return e.getMessage() == null || !e.getMessage().contains("timed out");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
