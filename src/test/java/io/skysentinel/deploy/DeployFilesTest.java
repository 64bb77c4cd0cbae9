package io.skysentinel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * There is no Docker engine on our machines, so this is all CI checks of the operator files: they parse, and they
 * hold what docs/deploy.md promises (services, roles, a non-root multi-stage image, scrape targets, dashboard panels).
 */
class DeployFilesTest {

    static final Path ROOT = Path.of(".");

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String path) throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve(path)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeHasTheStackAndEachInstanceItsRole() throws IOException {
        Map<String, Object> services =
                (Map<String, Object>) yaml("compose.yaml").get("services");
        assertThat(services)
                .containsKeys(
                        "redpanda", "ingest", "history", "hub1", "hub2", "proxy", "postgres", "prometheus", "grafana");
        // the ingest instance publishes; the history instance alone writes history, from flights.updates
        assertThat(env(services, "ingest"))
                .containsEntry("SKYSENTINEL_ROLES", "ingest")
                .containsEntry("SKYSENTINEL_BUS", "kafka")
                .containsEntry("HISTORY_ENABLED", "false");
        String db = "jdbc:postgresql://postgres:5432/skysentinel";
        assertThat(env(services, "history"))
                .containsEntry("SKYSENTINEL_ROLES", "history")
                .containsEntry("SKYSENTINEL_BUS", "kafka")
                .containsEntry("HISTORY_ENABLED", "true")
                .containsEntry("SKYSENTINEL_DB_URL", db)
                .containsKeys("SKYSENTINEL_DB_USER", "SKYSENTINEL_DB_PASSWORD");
        for (String hub : List.of("hub1", "hub2")) {
            // the hubs read the history database, so /api/history answers behind the proxy
            assertThat(env(services, hub))
                    .containsEntry("SKYSENTINEL_ROLES", "serve")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "redpanda:9092")
                    .containsEntry("SKYSENTINEL_DB_URL", db);
        }
        // every file the services mount is in the repository
        for (Object svc : services.values()) {
            Object volumes = ((Map<String, Object>) svc).get("volumes");
            if (volumes == null) continue;
            for (Object v : (List<Object>) volumes) {
                String host = v.toString().split(":")[0];
                if (host.startsWith("./"))
                    assertThat(ROOT.resolve(host)).as(v.toString()).exists();
            }
        }
    }

    @Test
    void noSkySentinelServiceStartsAnEmbeddedPostgres() throws IOException {
        assertThat(embeddedPostgres(yaml("compose.yaml"))).isEmpty();
        // the check catches the mistake it exists for: a service of the shared anchor with history left at its default
        Map<String, Object> bad = new Yaml().load("""
                x-skysentinel: &skysentinel {build: ., image: "skysentinel:local"}
                services:
                  hub3:
                    <<: *skysentinel
                    environment: {SKYSENTINEL_ROLES: serve}
                  hub4:
                    <<: *skysentinel
                    environment: {HISTORY_ENABLED: "${HISTORY_ENABLED:-true}", SKYSENTINEL_DB_URL: ""}
                  hub5:
                    <<: *skysentinel
                    environment: ["HISTORY_ENABLED=false"]
                  postgres: {image: "postgres:17-alpine"}
                """);
        assertThat(embeddedPostgres(bad)).containsExactly("hub3", "hub4");
    }

    /**
     * The SkySentinel services (those built from the shared {@code x-skysentinel} anchor) that would start an embedded
     * PostgreSQL of their own: history on (HISTORY_ENABLED, default true) and no SKYSENTINEL_DB_URL.
     */
    @SuppressWarnings("unchecked")
    static List<String> embeddedPostgres(Map<String, Object> compose) {
        Map<String, Object> anchor = (Map<String, Object>) compose.get("x-skysentinel");
        List<String> out = new ArrayList<>();
        ((Map<String, Object>) compose.get("services")).forEach((name, value) -> {
            Map<String, Object> svc = (Map<String, Object>) value;
            if (!java.util.Objects.equals(svc.get("image"), anchor.get("image"))
                    || !java.util.Objects.equals(svc.get("build"), anchor.get("build"))) return;
            Map<String, String> env = environment(svc.get("environment"));
            boolean history = !"false"
                    .equalsIgnoreCase(
                            resolved(env.get("HISTORY_ENABLED"), "true").strip());
            if (history && resolved(env.get("SKYSENTINEL_DB_URL"), "").isBlank()) out.add(name);
        });
        return out;
    }

    /** Compose allows a map or a list of KEY=VALUE. */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Object env) {
        Map<String, String> out = new java.util.HashMap<>();
        if (env instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(k.toString(), v == null ? null : v.toString()));
        if (env instanceof List<?> l)
            for (Object e : l) {
                String[] kv = e.toString().split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        return out;
    }

    /** The value compose would use when the variable is not set: {@code ${X:-d}} is d, {@code ${X}} empty. */
    static String resolved(String value, String whenAbsent) {
        if (value == null) return whenAbsent;
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+(?::?-([^}]*))?}").matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) == null ? "" : r.group(1)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> env(Map<String, Object> services, String name) {
        return (Map<String, Object>) ((Map<String, Object>) services.get(name)).get("environment");
    }

    @Test
    void theImageIsMultiStageAndRunsAsANonRootUser() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).count()).isGreaterThanOrEqualTo(2);
        assertThat(lines).anyMatch(l -> l.contains("./mvnw") && l.contains("package"));
        assertThat(lines).anyMatch(l -> l.startsWith("COPY --from=build"));
        String user = lines.stream()
                .filter(l -> l.startsWith("USER "))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(user.substring(5).strip()).isNotIn("root", "0", "0:0");
        // USER comes after the last FROM, so it applies to the runtime image
        assertThat(lines.indexOf(user)).isGreaterThan(lastIndex(lines, "FROM "));
    }

    static int lastIndex(List<String> lines, String prefix) {
        int at = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) at = i;
        return at;
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEverySkySentinelInstanceOnMetrics() throws IOException {
        List<Map<String, Object>> jobs = (List<Map<String, Object>>)
                yaml("deploy/prometheus/prometheus.yml").get("scrape_configs");
        Map<String, Object> job = jobs.stream()
                .filter(j -> "skysentinel".equals(j.get("job_name")))
                .findFirst()
                .orElseThrow();
        assertThat(job.get("metrics_path")).isEqualTo("/metrics");
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> sc : (List<Map<String, Object>>) job.get("static_configs"))
            targets.addAll((List<String>) sc.get("targets"));
        assertThat(targets).containsExactlyInAnyOrder("ingest:8080", "hub1:8080", "hub2:8080", "history:8080");
    }

    @Test
    void theDashboardParsesAndChartsMetricsTheServiceExports() throws IOException {
        JsonNode dash = JsonMapper.builder()
                .build()
                .readTree(Files.readString(ROOT.resolve("deploy/grafana/dashboards/skysentinel.json")));
        List<String> titles = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        dash.get("panels").forEach(p -> {
            titles.add(p.get("title").asString());
            p.get("targets").forEach(t -> exprs.add(t.get("expr").asString()));
        });
        assertThat(String.join("|", titles).toLowerCase())
                .contains(
                        "credits",
                        "polls",
                        "aircraft",
                        "websocket clients",
                        "websocket delivery lag",
                        "kafka",
                        "history");
        // each skysentinel_* series the dashboard uses is one our code registers (by its Micrometer name)
        String sources = allMainSources();
        Pattern metric = Pattern.compile("skysentinel_[a-z_]+");
        for (String e : exprs) {
            Matcher m = metric.matcher(e);
            while (m.find()) {
                String name = m.group()
                        .replaceAll("_(total|bucket|seconds_bucket)$", "")
                        .replaceAll("_seconds$", "");
                if (name.startsWith("skysentinel_history_")) continue; // the history feature is built on another branch
                assertThat(sources).as(m.group()).contains("\"" + name.replace('_', '.') + "\"");
            }
        }
        JsonNode ds = JsonMapper.builder()
                .build()
                .valueToTree(yaml("deploy/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(ds.get("datasources").get(0).get("url").asString()).isEqualTo("http://prometheus:9090");
    }

    static String allMainSources() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList())
                sb.append(Files.readString(p)).append('\n');
        }
        return sb.toString();
    }
}
