package org.syncline.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.sun.net.httpserver.HttpServer;

/** The outside end of an alert webhook in a test: an HTTP listener on loopback that keeps each body POSTed to /hook. */
public final class WebhookReceiver implements AutoCloseable {
    private final BlockingQueue<String> posts = new LinkedBlockingQueue<>();
    private final HttpServer http;

    /** Listens on {@code port} of the loopback address (0: a free one). */
    public WebhookReceiver(int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.createContext("/hook", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        http.start();
    }

    /** The address to give the master: {@code --set distribution.webhook=URL}. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
    }

    /** The bodies received, oldest first. */
    public BlockingQueue<String> posts() {
        return posts;
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
