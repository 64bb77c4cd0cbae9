package io.skysentinel.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

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
        Map<String, Object> services = (Map<String, Object>) yaml("compose.yaml").get("services");
        assertThat(services).containsKeys("redpanda", "ingest", "hub1", "hub2", "proxy", "postgres", "prometheus", "grafana");
        assertThat(env(services, "ingest")).containsEntry("SKYSENTINEL_ROLES", "ingest").containsEntry("SKYSENTINEL_BUS", "kafka")
                .containsEntry("HISTORY_ENABLED", "true").containsKeys("SKYSENTINEL_DB_URL", "SKYSENTINEL_DB_USER", "SKYSENTINEL_DB_PASSWORD");
        for (String hub : List.of("hub1", "hub2"))
            assertThat(env(services, hub)).containsEntry("SKYSENTINEL_ROLES", "serve").containsEntry("KAFKA_BOOTSTRAP_SERVERS", "redpanda:9092");
        // every file the services mount is in the repository
        for (Object svc : services.values()) {
            Object volumes = ((Map<String, Object>) svc).get("volumes");
            if (volumes == null) continue;
            for (Object v : (List<Object>) volumes) {
                String host = v.toString().split(":")[0];
                if (host.startsWith("./")) assertThat(ROOT.resolve(host)).as(v.toString()).exists();
            }
        }
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
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
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
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) yaml("deploy/prometheus/prometheus.yml").get("scrape_configs");
        Map<String, Object> job = jobs.stream().filter(j -> "skysentinel".equals(j.get("job_name"))).findFirst().orElseThrow();
        assertThat(job.get("metrics_path")).isEqualTo("/metrics");
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> sc : (List<Map<String, Object>>) job.get("static_configs")) targets.addAll((List<String>) sc.get("targets"));
        assertThat(targets).containsExactlyInAnyOrder("ingest:8080", "hub1:8080", "hub2:8080");
    }

    @Test
    void theDashboardParsesAndChartsMetricsTheServiceExports() throws IOException {
        JsonNode dash = JsonMapper.builder().build().readTree(Files.readString(ROOT.resolve("deploy/grafana/dashboards/skysentinel.json")));
        List<String> titles = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        dash.get("panels").forEach(p -> {
            titles.add(p.get("title").asString());
            p.get("targets").forEach(t -> exprs.add(t.get("expr").asString()));
        });
        assertThat(String.join("|", titles).toLowerCase()).contains("credits", "polls", "aircraft", "websocket clients",
                "websocket delivery lag", "kafka", "history");
        // each skysentinel_* series the dashboard uses is one our code registers (by its Micrometer name)
        String sources = allMainSources();
        Pattern metric = Pattern.compile("skysentinel_[a-z_]+");
        for (String e : exprs) {
            Matcher m = metric.matcher(e);
            while (m.find()) {
                String name = m.group().replaceAll("_(total|bucket|seconds_bucket)$", "").replaceAll("_seconds$", "");
                if (name.startsWith("skysentinel_history_")) continue; // the history feature is built on another branch
                assertThat(sources).as(m.group()).contains("\"" + name.replace('_', '.') + "\"");
            }
        }
        JsonNode ds = JsonMapper.builder().build().valueToTree(yaml("deploy/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(ds.get("datasources").get(0).get("url").asString()).isEqualTo("http://prometheus:9090");
    }

    static String allMainSources() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) sb.append(Files.readString(p)).append('\n');
        }
        return sb.toString();
    }
}
