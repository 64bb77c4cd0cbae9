package io.skysentinel.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.api.rest.AdminAccess;
import io.skysentinel.api.rest.AdminSettings;
import io.skysentinel.api.rest.TokenBuckets;
import io.skysentinel.history.StatementCheck;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What the API guard adds to a request: one per-client token bucket take (100,000 clients remembered, the map full),
 * the admin token check (two SHA-256 digests and a constant-time compare), and the query endpoint's statement check
 * of a typical query. Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=ApiGuardBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class ApiGuardBenchmark {

    static final String QUERY = "WITH recent AS (SELECT id, time, altitude_m FROM positions"
            + " WHERE time > now() - interval '1 hour' AND callsign LIKE 'DLH%') SELECT id, max(altitude_m)"
            + " FROM recent GROUP BY id ORDER BY 2 DESC LIMIT 100 -- the busiest; ok";

    TokenBuckets buckets;
    AdminAccess admin;
    MockHttpServletRequest request;
    String[] clients;
    int next;

    @Setup
    public void setUp() {
        buckets = new TokenBuckets("bench", 1_000_000, 1e9, 100_000, System::nanoTime, new SimpleMeterRegistry());
        clients = new String[200_000];
        for (int i = 0; i < clients.length; i++)
            clients[i] = "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255);
        for (String c : clients) buckets.take(c);
        admin = new AdminAccess(
                new AdminSettings("0123456789abcdef0123456789abcdef", 5), System::nanoTime, new SimpleMeterRegistry());
        request = new MockHttpServletRequest("GET", "/api/database/status");
        request.addHeader("Authorization", "Bearer 0123456789abcdef0123456789abcdef");
    }

    @Benchmark
    public long rateLimitTake() {
        next = next + 1 == clients.length ? 0 : next + 1; // cycles through twice the map's bound: evictions too
        return buckets.take(clients[next]);
    }

    @Benchmark
    public boolean adminTokenCheck() {
        return admin.isAdmin(request);
    }

    @Benchmark
    public String statementCheck() {
        StatementCheck.check(QUERY);
        return QUERY;
    }
}
