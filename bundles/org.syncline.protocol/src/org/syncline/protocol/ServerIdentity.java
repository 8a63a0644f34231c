package org.syncline.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.protocol.internal.SingleKeyManager;

/**
 * The server's TLS key pair and self-signed certificate, created in the data directory on first start and
 * reused afterwards, so clients that pinned its fingerprint keep trusting it. The key is a PKCS#8 file
 * readable by the owner only (a keystore password stored beside it would add nothing but start-up time).
 */
public final class ServerIdentity {
    private final PrivateKey key;
    private final X509Certificate certificate;

    private ServerIdentity(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    public static ServerIdentity loadOrCreate(Path tlsDir, String commonName) {
        Path keyFile = tlsDir.resolve("server.key");
        Path certFile = tlsDir.resolve("server.crt");
        try {
            if (Files.exists(keyFile) && Files.exists(certFile)) {
                PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
                X509Certificate cert;
                try (InputStream in = Files.newInputStream(certFile)) {
                    cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
                }
                return new ServerIdentity(key, cert);
            }
            // Nothing, or half of a first start that crashed before anyone could pin it: make a new one.
            return create(keyFile, certFile, commonName);
        } catch (IOException | GeneralSecurityException e) {
            throw new SynclineException(ErrorCode.CONFIG, "The server's TLS identity in " + tlsDir
                    + " cannot be read (" + e.getMessage() + "); move that folder away to create a new one.", e);
        }
    }

    private static ServerIdentity create(Path keyFile, Path certFile, String commonName)
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
        AtomicFiles.write(keyFile, pair.getPrivate().getEncoded(), true);
        AtomicFiles.write(certFile, cert.getEncoded(), false);
        return new ServerIdentity(pair.getPrivate(), cert);
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
            SSLContext ctx = SSLContext.getInstance(ProtocolConstants.TLS_PROTOCOL);
            ctx.init(new KeyManager[] {new SingleKeyManager(key, certificate)}, null, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new SynclineException(ErrorCode.CONFIG, "TLS cannot be set up: " + e.getMessage(), e);
        }
    }
}
