package io.skysentinel.app;

import io.skysentinel.history.AirportStore;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.OurAirportsCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code java -jar skysentinel.jar airports import FILE}: loads OurAirports' airports.csv into the airports table of
 * the configured history database (embedded or SKYSENTINEL_DB_URL), then exits. Starts only the database pieces:
 * no web server, no sources.
 */
public final class AirportImportCommand {

    private AirportImportCommand() {}

    public static boolean matches(String[] args) {
        return args.length >= 2 && "airports".equals(args[0]) && "import".equals(args[1]);
    }

    /** Runs the import; returns the process exit code. */
    public static int run(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: airports import FILE   (OurAirports airports.csv)");
            return 2;
        }
        Path file = Path.of(args[2]);
        if (!Files.isReadable(file)) {
            System.err.println("airports import: cannot read " + file.toAbsolutePath());
            return 2;
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                .run()) {
            return importFile(ctx.getBean(JdbcTemplate.class), file);
        }
    }

    static int importFile(JdbcTemplate jdbc, Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            OurAirportsCsv.Result r = OurAirportsCsv.read(in);
            int written = new AirportStore(jdbc).upsert(r.airports());
            System.out.printf(
                    "airports import: %d airports upserted, %d rows skipped (closed, no ICAO code, or unreadable)%n",
                    written, r.skipped());
            return 0;
        } catch (IOException e) {
            System.err.println("airports import: " + file + ": " + e.getMessage());
            return 1;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HistorySettings.class)
    @Import(HistoryDatabaseConfiguration.class)
    static class Context {}
}
