package org.syncline.distribution.internal.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.AlertEvent;

/** {@code --set distribution.webhook=URL}: each raise and clear is POSTed as JSON ({"event", "alert"}); any 2xx is delivered. */
final class WebhookChannel implements AlertChannels.OutsideChannel {
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    WebhookChannel(String url) {
        URI u;
        try {
            u = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            u = null;
        }
        if (u == null || u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--set distribution.webhook must be an http or https URL, not '"
                    + Names.printable(url) + "'.");
        }
        this.url = u;
    }

    @Override
    public String name() {
        return "webhook " + url;
    }

    @Override
    public void deliver(AlertEvent event) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.tree(event)))).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the webhook answered HTTP " + response.statusCode());
        }
    }
}
