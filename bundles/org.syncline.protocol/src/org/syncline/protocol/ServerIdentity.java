package org.syncline.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

/**
 * The server's TLS key pair and self-signed certificate, created in the data directory on first start and
 * reused afterwards, so clients that pinned its fingerprint keep trusting it.
 */
public final class ServerIdentity {
    private static final String ALIAS = "syncline";
    private final KeyStore keyStore;
    private final char[] password;
    private final X509Certificate certificate;

    private ServerIdentity(KeyStore keyStore, char[] password) throws GeneralSecurityException {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
    }

    public static ServerIdentity loadOrCreate(Path tlsDir, String commonName) {
        Path store = tlsDir.resolve("server.p12");
        Path pass = tlsDir.resolve("server.p12.pass");
        try {
            if (Files.exists(store) && Files.exists(pass)) {
                char[] password = Files.readString(pass, StandardCharsets.US_ASCII).trim().toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    ks.load(in, password);
                }
                return new ServerIdentity(ks, password);
            }
            return create(store, pass, commonName);
        } catch (IOException | GeneralSecurityException e) {
            throw new SynclineException(ErrorCode.CONFIG, "The server's TLS identity in " + tlsDir
                    + " cannot be read (" + e.getMessage() + "); move that folder away to create a new one.", e);
        }
    }

    private static ServerIdentity create(Path store, Path pass, String commonName)
            throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair pair = gen.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName.replaceAll("[,=+<>#;\"\\\\]", "_") + ",O=Syncline");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                pair.getPublic());
        X509Certificate cert;
        try {
            cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new java.security.cert.Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, password);
        AtomicFiles.write(pass, new String(password).getBytes(StandardCharsets.US_ASCII), true);
        AtomicFiles.write(store, out.toByteArray(), true);
        return new ServerIdentity(ks, password);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the certificate, as clients show and pin it. */
    public String fingerprint() {
        try {
            return Sha256.fingerprint(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext ctx = SSLContext.getInstance(ProtocolConstants.TLS_PROTOCOL);
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new SynclineException(ErrorCode.CONFIG, "TLS cannot be set up: " + e.getMessage(), e);
        }
    }
}
