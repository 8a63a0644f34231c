package org.syncline.testing;

import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

/**
 * Trusts whatever certificate a server shows: for tests whose client talks to a server the test itself just
 * created, below the pinning {@code Connection} does (pinning is tested there).
 */
public final class TrustingAnyServer implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
