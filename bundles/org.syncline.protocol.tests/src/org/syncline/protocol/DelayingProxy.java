package org.syncline.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.syncline.core.HostPort;

/** A TCP relay on loopback that holds every byte for a fixed time each way: a long link on one machine. */
final class DelayingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final HostPort target;
    private final long oneWayNanos;

    DelayingProxy(HostPort target, long oneWayMillis) throws IOException {
        this.target = target;
        this.oneWayNanos = oneWayMillis * 1_000_000;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("proxy-accept").start(this::accept);
    }

    HostPort address() {
        return new HostPort("127.0.0.1", listener.getLocalPort());
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(target.host(), target.port());
                relay(client, server);
                relay(server, client);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private record Piece(long dueNanos, byte[] data) {
    }

    private void relay(Socket from, Socket to) {
        BlockingQueue<Piece> queue = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("proxy-in").start(() -> {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    queue.put(new Piece(System.nanoTime() + oneWayNanos, Arrays.copyOf(buf, n)));
                }
            } catch (IOException | InterruptedException e) {
                // the peer went away
            }
            queue.add(new Piece(System.nanoTime() + oneWayNanos, null));
        });
        Thread.ofPlatform().daemon().name("proxy-out").start(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Piece p = queue.take();
                    long wait = p.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (p.data() == null) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(p.data());
                }
            } catch (IOException | InterruptedException e) {
                // the peer went away
            }
        });
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
