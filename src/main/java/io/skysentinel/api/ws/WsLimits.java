package io.skysentinel.api.ws;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client WebSocket limits ({@code skysentinel.ws.limits.*}), per remote address.
 *
 * @param connectBurst        WS_CONNECT_BURST: connects at once (every WebSocket endpoint together)
 * @param connectPerSecond    WS_CONNECT_PER_SECOND: the refill; beyond it the upgrade is refused with a 429 problem
 * @param subscribeBurst      WS_SUBSCRIBE_BURST: subscribe messages at once on /ws/flights
 * @param subscribePerSecond  WS_SUBSCRIBE_PER_SECOND: the refill; beyond it the message is ignored with an error frame
 * @param clients             addresses remembered by each limiter (the least recently seen is forgotten)
 * @param maxTextMessageBytes WS_MAX_MESSAGE_BYTES: the longest client text message; a longer one closes the session
 *                            with 1009
 */
@ConfigurationProperties(prefix = "skysentinel.ws.limits")
public record WsLimits(
        @DefaultValue("30") int connectBurst,
        @DefaultValue("2") double connectPerSecond,
        @DefaultValue("20") int subscribeBurst,
        @DefaultValue("5") double subscribePerSecond,
        @DefaultValue("100000") int clients,
        @DefaultValue("4096") int maxTextMessageBytes) {

    public WsLimits {
        if (maxTextMessageBytes < 256 || maxTextMessageBytes > 1 << 20)
            throw new IllegalArgumentException("skysentinel.ws.limits.max-text-message-bytes must be 256..1048576");
    }
}
