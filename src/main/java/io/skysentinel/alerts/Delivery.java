package io.skysentinel.alerts;

import java.net.URI;

/**
 * Where a rule's alerts go besides the API and the WebSocket: a webhook, or nothing ({@link #NONE}).
 *
 * @param webhook the URL POSTed to (http or https), or null
 * @param secret  the HMAC-SHA256 key of the signature header, or null (then the header is not sent)
 * @param format  the body: {@code json} (ours, docs/alerts.md), {@code ntfy} or {@code discord}
 */
public record Delivery(URI webhook, String secret, Format format) {

    public static final Delivery NONE = new Delivery(null, null, Format.JSON);

    public enum Format {
        JSON,
        NTFY,
        DISCORD
    }

    public boolean hasWebhook() {
        return webhook != null;
    }
}
