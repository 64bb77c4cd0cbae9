package io.skysentinel.app;

import io.skysentinel.core.FlightSource;
import io.skysentinel.core.SourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the sources once everything (hub subscribed to the bus, web server) is up; stops them first on shutdown.
 * With SKYSENTINEL_BUS=kafka the ingest election starts them instead (KafkaRoles), on the leader only.
 */
@Component
@ConditionalOnProperty(name = "skysentinel.bus.type", havingValue = "memory", matchIfMissing = true)
public class SourceLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SourceLifecycle.class);
    private final SourceRegistry sources;
    private volatile boolean running;

    public SourceLifecycle(SourceRegistry sources) {
        this.sources = sources;
    }

    @Override
    public void start() {
        for (FlightSource s : sources.all()) {
            s.start();
            log.info("Source '{}' started", s.name());
        }
        running = true;
    }

    @Override
    public void stop() {
        sources.all().forEach(FlightSource::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the web server (which starts at SmartLifecycle's default phase minus 1024)
        return Integer.MAX_VALUE - 1000;
    }
}
