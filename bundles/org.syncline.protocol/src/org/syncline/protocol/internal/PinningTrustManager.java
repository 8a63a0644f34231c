package org.syncline.protocol.internal;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

/**
 * Accepts any certificate during the TLS handshake but remembers it: the connection checks the pinned
 * fingerprint right after the handshake and before it sends anything, so nothing secret reaches a server
 * that is not trusted. (A CA chain means nothing for self-signed servers; the pin is the trust.)
 */
public final class PinningTrustManager implements X509TrustManager {
    private volatile X509Certificate presented;

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Syncline clients do not accept client certificates.");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        presented = chain[0];
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    public X509Certificate presented() {
        return presented;
    }
}
