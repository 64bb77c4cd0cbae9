package io.skysentinel.api.ws;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Push settings ({@code skysentinel.ws.*}).
 *
 * @param deltaInterval     how often changes are pushed (WS_DELTA_INTERVAL_MS)
 * @param statusInterval    how often a status frame goes to every client
 * @param pingInterval      WebSocket ping to keep idle connections alive through proxies
 * @param compatInterval    how often /ws (the PlaneTracker-compatible feed) sends the full list
 * @param clientQueueFrames frames one client may have waiting; beyond it its queued deltas are dropped and it is
 *                          resynced with a snapshot
 * @param clientQueueBytes  the same bound in bytes (whichever is hit first)
 * @param maxClients        connections accepted at once; more are closed with 1013 "try again later"
 * @param tileDeg           subscription boxes are rounded out to this grid so nearby boxes share one view
 * @param sendTimeout       a send blocked this long (a client that stopped reading at the TCP level) closes it
 * @param atcInterval       how often /ws/atc pushes the ATC positions' changes (WS_ATC_INTERVAL): the feed behind
 *                          them changes every 15 s, so once a second is live enough
 */
@ConfigurationProperties(prefix = "skysentinel.ws")
public record WsSettings(
        @DefaultValue("200ms") Duration deltaInterval,
        @DefaultValue("5s") Duration statusInterval,
        @DefaultValue("20s") Duration pingInterval,
        @DefaultValue("5s") Duration compatInterval,
        @DefaultValue("64") int clientQueueFrames,
        @DefaultValue("16777216") long clientQueueBytes,
        @DefaultValue("10000") int maxClients,
        @DefaultValue("3") double tileDeg,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("1s") Duration atcInterval) {
    public WsSettings {
        if (deltaInterval.toMillis() < 10)
            throw new IllegalArgumentException("skysentinel.ws.delta-interval must be >= 10ms");
        if (atcInterval.toMillis() < 10)
            throw new IllegalArgumentException("skysentinel.ws.atc-interval must be >= 10ms");
        if (clientQueueFrames < 2)
            throw new IllegalArgumentException("skysentinel.ws.client-queue-frames must be >= 2");
        if (clientQueueBytes < 1024)
            throw new IllegalArgumentException("skysentinel.ws.client-queue-bytes must be >= 1024");
        if (maxClients < 1) throw new IllegalArgumentException("skysentinel.ws.max-clients must be >= 1");
        if (!(tileDeg > 0 && tileDeg <= 90))
            throw new IllegalArgumentException("skysentinel.ws.tile-deg must be in (0, 90]");
    }
}
