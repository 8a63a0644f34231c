package org.syncline.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.syncline.core.HostPort;
import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;

/** A hand-driven TLS client that can send anything, including frames a real client never sends. */
public final class RawTlsClient implements AutoCloseable {
    public final SSLSocket socket;
    public final DataOutputStream out;
    public final DataInputStream in;

    public RawTlsClient(HostPort address) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, new TrustManager[] {new TrustingAnyServer()}, null);
        socket = (SSLSocket) ctx.getSocketFactory().createSocket(address.host(), address.port());
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    public void sendFrame(FrameKind kind, long id, String type, byte[] body) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.UTF_8);
        out.writeInt(Frame.HEADER + t.length + body.length);
        out.writeByte(kind.code());
        out.writeLong(id);
        out.writeShort(t.length);
        out.write(t);
        out.write(body);
        out.flush();
    }

    public void hello(int version) throws IOException {
        sendFrame(FrameKind.HELLO, 0, "", ("{\"protocol\":" + version + "}").getBytes(StandardCharsets.UTF_8));
    }

    public Frame readFrame() throws IOException {
        int length = in.readInt();
        byte kind = in.readByte();
        long id = in.readLong();
        int typeLength = in.readUnsignedShort();
        byte[] type = new byte[typeLength];
        in.readFully(type);
        byte[] body = new byte[length - Frame.HEADER - typeLength];
        in.readFully(body);
        return new Frame(FrameKind.of(kind), id, new String(type, StandardCharsets.UTF_8), body);
    }

    /** The next frame, or null once the server closed the connection. */
    public Frame readFrameOrNull() throws IOException {
        try {
            return readFrame();
        } catch (EOFException | SocketException e) {
            return null;
        }
    }

    /** True when the server closed the connection (EOF or reset) within the socket timeout. */
    public boolean closedByServer() {
        try {
            while (in.read() >= 0) {
                // skip what is still in flight
            }
            return true;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (IOException e) {
            return e.getMessage() != null && !e.getMessage().contains("timed out");
        }
    }

    public static boolean plainSocketClosed(Socket s) {
        try {
            while (s.getInputStream().read() >= 0) {
                // the server may answer with a TLS alert first
            }
            return true;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
