package io.skysentinel.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads the server's {@code /metrics}. A failed scrape is an empty snapshot: the run goes on, the figures read NaN. */
final class MetricsScraper {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String server;

    MetricsScraper(String server) {
        this.server = server;
    }

    PromSnapshot scrape() {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(server + "/metrics"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? PromSnapshot.parse(r.body()) : PromSnapshot.empty();
        } catch (IOException e) {
            return PromSnapshot.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PromSnapshot.empty();
        }
    }

    static double heapUsed(PromSnapshot p) {
        return p.sum("jvm_memory_used_bytes", "area", "heap");
    }
}
