package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.atc.ReferenceAirports;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.FlightSource;
import io.skysentinel.core.GridAirportCatalog;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.source.opensky.OpenSkyProperties;
import io.skysentinel.source.opensky.OpenSkySource;
import io.skysentinel.source.replay.ReplayProperties;
import io.skysentinel.source.replay.ReplaySource;
import io.skysentinel.source.sim.SimProperties;
import io.skysentinel.source.sim.SimSource;
import io.skysentinel.source.vatsim.VatsimProperties;
import io.skysentinel.source.vatsim.VatsimSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the sources named in {@code skysentinel.sources} (SKYSENTINEL_SOURCES). Left empty, it is "opensky" when
 * OpenSky credentials are set and "sim" otherwise, so a fresh clone shows traffic with no setup at all.
 */
@Configuration(proxyBeanMethods = false)
public class SourcesConfiguration {

    static final Set<String> KNOWN = Set.of("sim", "replay", "opensky", "vatsim");

    @Bean
    SourceRegistry sourceRegistry(
            @Value("${skysentinel.sources:}") List<String> configured,
            SimProperties sim,
            ReplayProperties replay,
            OpenSkyProperties opensky,
            VatsimProperties vatsim,
            ObjectProvider<AtcLocator> locator,
            ObjectProvider<ReferenceAirports> referenceAirports,
            ObjectProvider<AirportCatalog> airports,
            FlightBus bus,
            MeterRegistry meters,
            Clock clock,
            @Value("${skysentinel.bus.type:memory}") String busType,
            @Value("${skysentinel.roles:ingest,serve}") List<String> roles,
            @Value("${skysentinel.sim.report-slices:1}") int simSlices) {
        List<FlightSource> sources = new ArrayList<>();
        // A Kafka hub instance without the ingest role polls nothing: its picture comes from flights.state.
        if ("kafka".equalsIgnoreCase(busType.strip()) && !Roles.parse(roles).ingest())
            return new SourceRegistry(sources);
        for (String name : chosen(configured, opensky.clientId())) {
            sources.add(
                    switch (name) {
                        case "sim" -> new SimSource(sim, bus, meters, clock, simSlices);
                        case "replay" -> new ReplaySource(replay, bus, meters, clock);
                        case "opensky" ->
                            new OpenSkySource(
                                    opensky.withAirports(elevations(referenceAirports, airports)), bus, meters, clock);
                        case "vatsim" ->
                            new VatsimSource(
                                    vatsim,
                                    bus,
                                    meters,
                                    clock,
                                    locator.getIfAvailable(() -> AtcLocator.NONE),
                                    elevations(referenceAirports, airports));
                        default -> throw new IllegalStateException("unreachable");
                    });
        }
        return new SourceRegistry(sources);
    }

    /**
     * The airports whose elevation tells a VATSIM pilot on the ground from one flying (docs/vatsim.md): the ~34,000 of
     * the shipped reference (VRS standing data) when present, else the catalog bean (the built-in major airports).
     */
    private static AirportCatalog elevations(
            ObjectProvider<ReferenceAirports> reference, ObjectProvider<AirportCatalog> catalog) {
        ReferenceAirports r = reference.getIfAvailable();
        return r != null ? r.catalog() : catalog.getIfAvailable(GridAirportCatalog::empty);
    }

    static List<String> chosen(List<String> configured, String openskyClientId) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String raw : configured) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            if (!KNOWN.contains(name))
                throw new IllegalArgumentException(
                        "SKYSENTINEL_SOURCES: unknown source '" + raw + "'; known: sim, replay, opensky, vatsim");
            names.add(name);
        }
        if (names.isEmpty()) names.add(openskyClientId == null || openskyClientId.isBlank() ? "sim" : "opensky");
        return List.copyOf(names);
    }
}
