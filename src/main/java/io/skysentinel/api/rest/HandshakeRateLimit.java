package io.skysentinel.api.rest;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-client limit on WebSocket connects: a client address past its bucket is refused before the upgrade with
 * the same 429 problem (and Retry-After) as a REST request. One instance serves every WebSocket endpoint, so the
 * limit is per address across them.
 */
public final class HandshakeRateLimit implements HandshakeInterceptor {

    private final TokenBuckets buckets;
    private final JsonMapper json;

    public HandshakeRateLimit(TokenBuckets buckets, JsonMapper json) {
        this.buckets = buckets;
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler wsHandler,
            Map<String, Object> attributes)
            throws Exception {
        long wait = buckets.take(address(request.getRemoteAddress()));
        if (wait == 0) return true;
        ApiRefusal r = ApiRefusal.tooManyRequests(
                "Too many WebSocket connects from this address; slow down", TokenBuckets.seconds(wait));
        r.problem().setInstance(URI.create(request.getURI().getPath()));
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        r.headers().forEach(response.getHeaders()::set);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(json.writeValueAsBytes(r.problem()));
        return false;
    }

    /** The client's address as a limiter key (the same text as HttpServletRequest.getRemoteAddr gives). */
    public static String address(InetSocketAddress a) {
        if (a == null) return "unknown";
        return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler, Exception exception) {}
}
