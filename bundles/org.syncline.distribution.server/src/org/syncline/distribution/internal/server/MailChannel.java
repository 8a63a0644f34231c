package org.syncline.distribution.internal.server;

import java.nio.file.Path;
import java.util.Properties;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.syncline.core.ErrorCode;
import org.syncline.core.PasswordFile;
import org.syncline.core.SynclineException;
import org.syncline.distribution.Alert;
import org.syncline.distribution.AlertEvent;
import org.syncline.server.api.ServerSettings;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail over SMTP with Jakarta Mail (Eclipse Angus Mail): {@code --set distribution.smtp-host=H smtp-port=P
 * smtp-starttls=true|false smtp-user=U smtp-password-file=F smtp-from=A alert-to=A,B}. With STARTTLS on (the
 * default) a server that does not offer it is refused rather than sent the mail in the clear.
 */
final class MailChannel implements AlertChannels.OutsideChannel {
    private final Properties properties = new Properties();
    private final String host;
    private final String user;
    private final char[] password;
    private final InternetAddress from;
    private final InternetAddress[] to;

    private MailChannel(ServerSettings s, String host) {
        this.host = host;
        int port = (int) s.longValue("distribution.smtp-port", 25, 1, 65535);
        String starttls = s.string("distribution.smtp-starttls").orElse("true").trim();
        if (!starttls.equals("true") && !starttls.equals("false")) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--set distribution.smtp-starttls must be true or false.");
        }
        this.user = s.string("distribution.smtp-user").orElse("");
        this.password = s.string("distribution.smtp-password-file").map(f -> PasswordFile.read(Path.of(f))).orElse(new char[0]);
        this.from = address("distribution.smtp-from", s.string("distribution.smtp-from").orElse("syncline@" + host))[0];
        this.to = address("distribution.alert-to", s.string("distribution.alert-to").orElseThrow(() -> new SynclineException(
                ErrorCode.INVALID_ARGUMENT, "--set distribution.smtp-host needs --set distribution.alert-to=ADDRESS[,ADDRESS] too.")));
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.starttls.enable", starttls);
        properties.put("mail.smtp.starttls.required", starttls);
        properties.put("mail.smtp.auth", String.valueOf(!user.isEmpty()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "15000");
        properties.put("mail.smtp.writetimeout", "15000");
    }

    /** The channel the settings ask for, or null when no smtp-host is set. */
    static MailChannel of(ServerSettings s) {
        return s.string("distribution.smtp-host").filter(h -> !h.isBlank()).map(h -> new MailChannel(s, h.trim())).orElse(null);
    }

    private static InternetAddress[] address(String key, String value) {
        try {
            InternetAddress[] a = InternetAddress.parse(value, true);
            if (a.length == 0) {
                throw new jakarta.mail.internet.AddressException("no address");
            }
            return a;
        } catch (jakarta.mail.internet.AddressException e) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--set " + key + " must be e-mail addresses separated by commas.");
        }
    }

    @Override
    public String name() {
        return "e-mail via " + host;
    }

    @Override
    public void deliver(AlertEvent event) throws Exception {
        // Jakarta Mail finds its providers through the context class loader; in OSGi that must be Angus Mail's.
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipients(Message.RecipientType.TO, to);
            Alert a = event.alert();
            m.setSubject("[Syncline] " + event.event().toUpperCase(java.util.Locale.ROOT) + ": " + a.target() + ": " + a.rule(), "UTF-8");
            m.setText(a.message() + "\n\nRule " + a.ruleId() + ": " + a.rule() + "\nTarget: " + a.target() + "\nRaised: " + a.raisedAt()
                    + (a.isOpen() ? "" : "\nCleared: " + a.clearedAt()) + "\n", "UTF-8");
            if (user.isEmpty()) {
                Transport.send(m);
            } else {
                Transport.send(m, user, new String(password));
            }
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
