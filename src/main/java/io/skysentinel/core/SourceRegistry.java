package io.skysentinel.core;

import java.util.List;
import java.util.Optional;

/** The sources this process runs, as configured; the API reads their state through it. */
public final class SourceRegistry {

    private final List<FlightSource> sources;

    public SourceRegistry(List<FlightSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public List<FlightSource> all() {
        return sources;
    }

    public List<String> names() {
        return sources.stream().map(FlightSource::name).toList();
    }

    public List<RefreshableSource> refreshable() {
        return sources.stream()
                .filter(RefreshableSource.class::isInstance)
                .map(RefreshableSource.class::cast)
                .toList();
    }

    /** The credit-spending source (OpenSky), when one runs. */
    public Optional<CreditReporting> credits() {
        return sources.stream()
                .filter(CreditReporting.class::isInstance)
                .map(CreditReporting.class::cast)
                .findFirst();
    }

    /** The sources that read a whole network's feed (VATSIM). */
    public List<NetworkReporting> networks() {
        return sources.stream()
                .filter(NetworkReporting.class::isInstance)
                .map(NetworkReporting.class::cast)
                .toList();
    }

    public List<SourceHealth> health() {
        return sources.stream().map(FlightSource::health).toList();
    }
}
