package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Odd token endpoint answers (an in-process HTTP server on loopback): each is a TokenException, never another
 * exception out of the poll thread; a huge lifetime is clamped instead of overflowing the refresh time.
 */
class TokenResponsesTest {

    private HttpServer server;
    private volatile String body;

    private TokenProvider provider(String answer) throws IOException {
        body = answer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
            if (b.length > 0) ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
        return TokenProvider.oauth2(
                HttpClient.newHttpClient(), url, "id", "secret", Duration.ofSeconds(5), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void anArrayIsARefusalNotACrash() throws Exception {
        TokenProvider p = provider("[1,2,3]");
        assertThatThrownBy(p::bearerToken).isInstanceOf(TokenProvider.TokenException.class);
    }

    @Test
    void anEmptyBodyIsARefusalNotACrash() throws Exception {
        TokenProvider p = provider("");
        assertThatThrownBy(p::bearerToken).isInstanceOf(TokenProvider.TokenException.class);
    }

    @Test
    void aLifetimeBeyondLongIsClampedToADay() throws Exception {
        TokenProvider p = provider("{\"access_token\":\"abc\",\"expires_in\":1e30}");
        assertThat(p.bearerToken()).isEqualTo("abc");
        assertThat(p.bearerToken()).as("cached, not fetched again at once").isEqualTo("abc");
    }

    @Test
    void theSecretStaysOutOfTheSettingsDump() {
        OpenSkyProperties s = OpenSkyProperties.defaults().toBuilder()
                .credentials("my-client", "s3cr3t-value")
                .build();
        assertThat(s.toString())
                .contains("my-client")
                .contains("clientSecret=(set)")
                .doesNotContain("s3cr3t-value");
    }
}
