package io.skysentinel.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The load tool's command-line options ({@code --name value} or {@code --name=value}) with their defaults. */
record LoadOptions(
        String url,
        int clients,
        String format,
        Duration duration,
        Duration ramp,
        Duration warmup,
        String server,
        boolean pollCompare,
        Path summary,
        int httpClients,
        int threads,
        long serverPid,
        int maxPendingConnects,
        String label,
        String client,
        double regionDeg,
        boolean deflate,
        double nonReaders) {

    static LoadOptions parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        boolean poll = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
            String key = a.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (key.equals("poll-compare")) {
                poll = value == null || Boolean.parseBoolean(value);
                continue;
            }
            if (key.equals("help")) throw new IllegalArgumentException("usage");
            if (value == null) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + key + " needs a value");
                value = args[++i];
            }
            m.put(key, value);
        }
        for (String k : m.keySet()) {
            if (!List.of(
                            "url",
                            "clients",
                            "format",
                            "duration",
                            "ramp",
                            "warmup",
                            "server",
                            "summary",
                            "http-clients",
                            "threads",
                            "server-pid",
                            "max-pending-connects",
                            "label",
                            "client",
                            "region-deg",
                            "compress",
                            "non-readers")
                    .contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
        String format = m.getOrDefault("format", "json");
        if (!format.equals("json") && !format.equals("msgpack"))
            throw new IllegalArgumentException("--format json|msgpack");
        String client = m.getOrDefault("client", "raw");
        if (!client.equals("raw") && !client.equals("jdk")) throw new IllegalArgumentException("--client raw|jdk");
        if (m.containsKey("region-deg") && client.equals("jdk")) {
            throw new IllegalArgumentException("--region-deg needs --client raw");
        }
        int clients = Integer.parseInt(m.getOrDefault("clients", "100"));
        if (clients < 1) throw new IllegalArgumentException("--clients must be ≥ 1");
        double nonReaders = Double.parseDouble(m.getOrDefault("non-readers", "0"));
        if (!(nonReaders >= 0 && nonReaders < 1)) throw new IllegalArgumentException("--non-readers 0..1 (a fraction)");
        if (nonReaders > 0 && client.equals("jdk"))
            throw new IllegalArgumentException("--non-readers needs --client raw");
        return new LoadOptions(
                m.getOrDefault("url", "ws://127.0.0.1:8080/ws/flights"),
                clients,
                format,
                duration(m.getOrDefault("duration", "60s")),
                duration(m.getOrDefault("ramp", "20s")),
                duration(m.getOrDefault("warmup", "10s")),
                m.getOrDefault("server", "http://127.0.0.1:8080"),
                poll,
                Path.of(m.getOrDefault("summary", "target/ws-load-summary.json")),
                Integer.parseInt(m.getOrDefault("http-clients", "4")),
                Integer.parseInt(m.getOrDefault("threads", "4")),
                Long.parseLong(m.getOrDefault("server-pid", "0")),
                Integer.parseInt(m.getOrDefault("max-pending-connects", "200")),
                m.getOrDefault("label", clients + "-" + format),
                client,
                Double.parseDouble(m.getOrDefault("region-deg", "0")),
                compress(m.getOrDefault("compress", "none")),
                nonReaders);
    }

    private static boolean compress(String v) {
        if (!v.equals("none") && !v.equals("deflate")) throw new IllegalArgumentException("--compress none|deflate");
        return v.equals("deflate");
    }

    io.skysentinel.wire.WireFormat wireFormat() {
        return io.skysentinel.wire.WireFormat.parse(format, deflate ? "deflate" : null);
    }

    /** {@code 60s}, {@code 500ms}, {@code 2m}, or plain seconds. */
    static Duration duration(String s) {
        s = s.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        if (s.endsWith("s"))
            return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        if (s.endsWith("m"))
            return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000));
        return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
    }

    URI wsUri() {
        String q = (format.equals("msgpack") ? "&format=msgpack" : "") + (deflate ? "&compress=deflate" : "");
        if (q.isEmpty()) return URI.create(url);
        return URI.create(url + (url.contains("?") ? q : "?" + q.substring(1)));
    }
}
