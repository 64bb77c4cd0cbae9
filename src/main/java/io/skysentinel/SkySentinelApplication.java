package io.skysentinel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The composition root: the only place that knows every package. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SkySentinelApplication {
    public static void main(String[] args) {
        if (io.skysentinel.app.AirportImportCommand.matches(args)) { // `airports import FILE`: a one-shot command
            System.exit(io.skysentinel.app.AirportImportCommand.run(args));
        }
        SpringApplication.run(SkySentinelApplication.class, args);
    }
}
