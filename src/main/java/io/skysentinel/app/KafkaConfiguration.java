package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.analytics.AnalyticsEngine;
import io.skysentinel.analytics.AnalyticsRunner;
import io.skysentinel.analytics.AnalyticsSettings;
import io.skysentinel.analytics.airports.CatalogAirportIndex;
import io.skysentinel.bus.InMemoryFlightBus;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.core.UpdateHandler;
import io.skysentinel.history.AnalyticsRecorder;
import io.skysentinel.history.HistoryWriter;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.source.opensky.OpenSkyProperties;
import io.skysentinel.source.sim.SimProperties;
import io.skysentinel.source.vatsim.VatsimProperties;
import io.skysentinel.stream.kafka.EnvelopeCodec;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.stream.kafka.SourceInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * SKYSENTINEL_BUS=kafka: ingest → Kafka → N serving hubs and M history consumers (docs/kafka.md). Nothing here
 * exists with the default in-memory bus, so a single-process run opens no Kafka connection.
 *
 * <p>The bean hub (behind REST and WebSocket) is the Kafka-fed one when this instance serves; an ingest-only
 * instance exposes its own source-fed hub instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "skysentinel.bus.type", havingValue = "kafka")
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaConfiguration {

    @Bean
    Roles roles(@Value("${skysentinel.roles:ingest,serve}") List<String> roles) {
        return Roles.parse(roles);
    }

    @Bean
    EnvelopeCodec envelopeCodec(JsonMapper json, @Value("${skysentinel.vatsim.store-names:false}") boolean storeNames) {
        return new EnvelopeCodec(json, storeNames);
    }

    @Bean
    LiveHub<Aircraft> liveHub(
            HubSettings settings, Clock clock, MeterRegistry meters, InMemoryFlightBus bus, Roles roles) {
        LiveHub<Aircraft> hub = LiveHub.forAircraft(settings, clock, meters);
        return roles.serve() ? hub : hub.attach(bus);
    }

    @Bean
    KafkaRoles kafkaRoles(
            KafkaSettings kafka,
            Roles roles,
            LiveHub<Aircraft> liveHub,
            HubSettings hubSettings,
            InMemoryFlightBus bus,
            SourceRegistry sources,
            EnvelopeCodec codec,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters,
            SimProperties sim,
            OpenSkyProperties opensky,
            VatsimProperties vatsim,
            ObjectProvider<AnalyticsListener> listeners,
            ObjectProvider<HistoryWriter> writer,
            AnalyticsSettings analytics,
            CatalogAirportIndex airports) {
        List<AnalyticsListener> all = listeners.orderedStream().toList();
        // history's recorder stores what this instance's own analytics detect; events read from Kafka are only pushed
        List<AnalyticsListener> live =
                all.stream().filter(l -> !(l instanceof AnalyticsRecorder)).toList();
        List<AnalyticsListener> storing =
                all.stream().filter(AnalyticsRecorder.class::isInstance).toList();
        return new KafkaRoles(new KafkaRoles.Wiring(
                kafka,
                roles,
                liveHub,
                hubSettings,
                bus,
                sources,
                codec,
                json,
                clock,
                meters,
                sourceInfo(sim, opensky, vatsim),
                live,
                events -> historyHandler(writer, analytics, airports, storing, events, meters)));
    }

    /**
     * The history role's handler: the analytics (results to history's recorder and to flights.events) and then the
     * writer. Built when the history role starts; it needs history enabled, since the writer is its point.
     */
    static UpdateHandler<Aircraft> historyHandler(
            ObjectProvider<HistoryWriter> writer,
            AnalyticsSettings settings,
            CatalogAirportIndex airports,
            List<AnalyticsListener> storing,
            AnalyticsListener events,
            MeterRegistry meters) {
        HistoryWriter w = writer.getIfAvailable();
        if (w == null)
            throw new IllegalStateException("SKYSENTINEL_ROLES=history needs HISTORY_ENABLED=true and a database");
        if (!settings.enabled()) return new HistoryUpdates(null, w);
        List<AnalyticsListener> out = new ArrayList<>(storing);
        out.add(events);
        return new HistoryUpdates(new AnalyticsRunner(new AnalyticsEngine(airports, settings), out, meters), w);
    }

    /** The envelope's source object for each source name, from the sources' settings. */
    static Function<String, SourceInfo> sourceInfo(
            SimProperties sim, OpenSkyProperties opensky, VatsimProperties vatsim) {
        SourceInfo simInfo = new SourceInfo(
                "sim",
                "simulated",
                List.of(sim.lamin(), sim.lomin(), sim.lamax(), sim.lomax()),
                sim.tick().toMillis() / 1000.0);
        var regions = opensky.regions();
        List<Double> box = regions != null && regions.size() == 1
                ? List.of(
                        regions.getFirst().lamin(),
                        regions.getFirst().lomin(),
                        regions.getFirst().lamax(),
                        regions.getFirst().lomax())
                : null;
        SourceInfo openskyInfo = new SourceInfo(
                "opensky", opensky.authMode(), box, opensky.minInterval().toMillis() / 1000.0);
        SourceInfo replayInfo = new SourceInfo("replay", "replay", null, null);
        SourceInfo vatsimInfo =
                new SourceInfo("vatsim", "network", null, vatsim.pollInterval().toMillis() / 1000.0);
        return name -> switch (name) {
            case "sim" -> simInfo;
            case "opensky" -> openskyInfo;
            case "replay" -> replayInfo;
            case "vatsim" -> vatsimInfo;
            default -> SourceInfo.unknown(name);
        };
    }
}
