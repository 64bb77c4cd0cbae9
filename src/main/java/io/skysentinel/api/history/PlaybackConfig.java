package io.skysentinel.api.history;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.api.rest.ApiProblems;
import io.skysentinel.api.rest.HandshakeRateLimit;
import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.core.AircraftEnricher;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.PositionQueries;
import io.skysentinel.history.TrafficQueries;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers /ws/playback; a bad query is refused before the upgrade with the REST API's 400 problem detail naming the
 * parameter (ApiProblems builds it, the application's JSON mapper writes it, as for any endpoint).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
public class PlaybackConfig implements WebSocketConfigurer {

    static final int MAX_SESSIONS = 32;

    private final PlaybackSocketHandler handler;
    private final String[] allowedOrigins;
    private final JsonMapper json;
    private final HandshakeRateLimit connectLimit;

    PlaybackConfig(
            PositionQueries positions,
            TrafficQueries traffic,
            HistorySettings settings,
            MeterRegistry meters,
            JsonMapper json,
            HandshakeRateLimit connectLimit,
            ObjectProvider<AircraftEnricher> enricher,
            @Value("${skysentinel.ws.allowed-origins:*}") String[] allowedOrigins) {
        this.handler = new PlaybackSocketHandler(
                positions,
                traffic,
                enricher.getIfAvailable(() -> AircraftEnricher.NONE),
                settings.snapshotWindow().toMillis(),
                MAX_SESSIONS,
                meters);
        this.allowedOrigins = allowedOrigins;
        this.json = json;
        this.connectLimit = connectLimit;
    }

    /** The handler's shutdown hook (closing every playback with 1001) runs only as a bean's lifecycle. */
    @Bean
    SmartLifecycle playbackGoingAway() {
        return handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/playback")
                .addInterceptors(connectLimit, new ParseQuery(json))
                .setAllowedOriginPatterns(allowedOrigins);
    }

    static final class ParseQuery implements HandshakeInterceptor {
        private final JsonMapper json;

        ParseQuery(JsonMapper json) {
            this.json = json;
        }

        @Override
        public boolean beforeHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler wsHandler,
                Map<String, Object> attributes)
                throws Exception {
            Map<String, String> q = new LinkedHashMap<>();
            UriComponentsBuilder.fromUri(request.getURI())
                    .build(true)
                    .getQueryParams()
                    .forEach((k, v) -> q.put(
                            k,
                            v.isEmpty() || v.getFirst() == null
                                    ? ""
                                    : java.net.URLDecoder.decode(v.getFirst(), StandardCharsets.UTF_8)));
            try {
                attributes.put(PlaybackSocketHandler.REQUEST, PlaybackRequest.parse(q));
                return true;
            } catch (InvalidParameterException e) {
                ProblemDetail problem = ApiProblems.badParameter(e.parameter(), e.getMessage());
                problem.setInstance(URI.create(request.getURI().getPath())); // what MVC adds for an endpoint
                response.setStatusCode(HttpStatus.BAD_REQUEST);
                response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                response.getBody().write(json.writeValueAsBytes(problem));
                return false;
            }
        }

        @Override
        public void afterHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler wsHandler,
                Exception exception) {}
    }
}
