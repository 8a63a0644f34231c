package org.syncline.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.syncline.testing.WebhookReceiver;

/**
 * The outside ends of alert channels, started by a test on loopback: a tiny SMTP server (EHLO, MAIL, RCPT,
 * DATA, QUIT; plain, no STARTTLS) that keeps each message it is given, and an HTTP listener that keeps each
 * POSTed body.
 */
final class AlertSinks implements AutoCloseable {
    final BlockingQueue<String> mails = new LinkedBlockingQueue<>();
    final BlockingQueue<String> posts;
    private final ServerSocket smtp;
    private final WebhookReceiver http;

    AlertSinks() throws IOException {
        smtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptMail, "smtp-sink");
        t.setDaemon(true);
        t.start();
        http = new WebhookReceiver(0);
        posts = http.posts();
    }

    int smtpPort() {
        return smtp.getLocalPort();
    }

    String webhook() {
        return http.url();
    }

    private void acceptMail() {
        while (!smtp.isClosed()) {
            try (Socket s = smtp.accept()) {
                converse(s);
            } catch (IOException e) {
                // the sink closed or the client went away; take the next one
            }
        }
    }

    private void converse(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        reply(out, "220 sink ready");
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line.toUpperCase(java.util.Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> reply(out, "250 sink");
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder message = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                    }
                    mails.add(message.toString());
                    reply(out, "250 kept");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        smtp.close();
        http.close();
    }
}
