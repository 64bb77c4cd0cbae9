package io.skysentinel.api.ws;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.alerts.AlertDispatcher;
import io.skysentinel.api.rest.HandshakeRateLimit;
import io.skysentinel.api.rest.PictureFreshness;
import io.skysentinel.api.rest.TokenBuckets;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.LiveHub;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/** Registers /ws/flights (snapshot + deltas), /ws/atc (the ATC positions) and /ws (compatible full list). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WebSocketConfig implements WebSocketConfigurer {

    private final String[] allowedOrigins;
    private final FlightsSocketHandler flights;
    private final CompatSocketHandler compat;
    private final AtcSocketHandler atc;
    private final HandshakeRateLimit connectLimit;

    WebSocketConfig(
            WsSettings settings,
            @Value("${skysentinel.ws.allowed-origins:*}") String[] allowedOrigins,
            Broadcaster broadcaster,
            CompatFeed feed,
            AtcBroadcaster atcBroadcaster,
            WsMetrics metrics,
            MeterRegistry meters,
            WsLimits limits,
            HandshakeRateLimit connectLimit) {
        this.allowedOrigins = allowedOrigins;
        this.connectLimit = connectLimit;
        TokenBuckets subscribes = new TokenBuckets(
                "ws-subscribe",
                limits.subscribeBurst(),
                limits.subscribePerSecond(),
                limits.clients(),
                System::nanoTime,
                meters);
        this.flights = new FlightsSocketHandler(broadcaster, settings, metrics, subscribes);
        this.compat = new CompatSocketHandler(feed, settings, metrics);
        this.atc = new AtcSocketHandler(atcBroadcaster, settings, metrics);
        Gauge.builder("skysentinel.ws.clients", feed, CompatFeed::clients)
                .tag("endpoint", "compat")
                .register(meters);
    }

    /** Closes every push client with 1001 when the application stops, before the web server goes. */
    @Bean
    GoingAway wsGoingAway() {
        return new GoingAway(java.util.List.of(flights.clients(), atc.clients(), compat.clients()));
    }

    @Bean
    static WsMetrics wsMetrics(MeterRegistry meters) {
        return new WsMetrics(meters);
    }

    @Bean
    static StatusFrames wsStatusFrames(LiveHub<Aircraft> hub, SourceRegistry sources, PictureFreshness freshness) {
        return new StatusFrames(hub, sources, freshness);
    }

    /** An {@link io.skysentinel.core.AnalyticsListener}: the analytics runner hands it every anomaly event. */
    @Bean
    static EventRelay wsEventRelay(@Value("${skysentinel.ws.event-queue:1024}") int capacity, MeterRegistry meters) {
        return new EventRelay(capacity, meters);
    }

    /** Alert frames: fed by the alert dispatcher when alerts are on (ALERTS_ENABLED), else it stays empty. */
    @Bean
    static AlertRelay wsAlertRelay(
            @Value("${skysentinel.alerts.ws-queue:1000}") int capacity,
            ObjectProvider<AlertDispatcher> dispatcher,
            MeterRegistry meters) {
        AlertRelay relay = new AlertRelay(capacity, meters);
        dispatcher.ifAvailable(d -> d.listen(relay));
        return relay;
    }

    @Bean(destroyMethod = "close")
    static Broadcaster wsBroadcaster(
            LiveHub<Aircraft> hub,
            WsSettings settings,
            StatusFrames status,
            WsMetrics metrics,
            EventRelay events,
            AlertRelay alerts,
            MeterRegistry meters) {
        return new Broadcaster(hub, settings, metrics, status, events, alerts, meters);
    }

    /** The /ws/atc push loop over the ATC hub. */
    @Bean(destroyMethod = "close")
    static AtcBroadcaster wsAtcBroadcaster(LiveHub<AtcPosition> atcHub, WsSettings settings, MeterRegistry meters) {
        return new AtcBroadcaster(atcHub, settings, meters);
    }

    @Bean(destroyMethod = "close")
    static CompatFeed wsCompatFeed(LiveHub<Aircraft> hub, WsSettings settings, StatusFrames status, JsonMapper json) {
        return new CompatFeed(hub, status, json, settings);
    }

    /**
     * Client messages are small JSON subscriptions (well under 1 KB), and Tomcat allocates both of these buffers
     * eagerly for every session (the text one in chars, so twice its size in bytes). At 64 KB each they cost
     * ~192 KB per connection and a 512 MB heap ran out at ~2,500 clients; at these sizes a session's buffers are ~9 KB.
     * Longer client messages are refused (the session is closed with 1009 "message too big"); the text bound is
     * WS_MAX_MESSAGE_BYTES ({@link WsLimits#maxTextMessageBytes()}). Read from the environment, not WsLimits: this
     * factory bean is created early, while configuration properties are still being scanned.
     */
    @Bean
    static ServletServerContainerFactoryBean wsContainer(Environment env) {
        int maxText = env.getProperty("skysentinel.ws.limits.max-text-message-bytes", Integer.class, 4096);
        ServletServerContainerFactoryBean c = new ServletServerContainerFactoryBean();
        c.setMaxTextMessageBufferSize(maxText);
        c.setMaxBinaryMessageBufferSize(1024);
        return c;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(flights, "/ws/flights")
                .addInterceptors(connectLimit)
                .setAllowedOriginPatterns(allowedOrigins);
        registry.addHandler(atc, "/ws/atc").addInterceptors(connectLimit).setAllowedOriginPatterns(allowedOrigins);
        registry.addHandler(compat, "/ws").addInterceptors(connectLimit).setAllowedOriginPatterns(allowedOrigins);
    }
}
