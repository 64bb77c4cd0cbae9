package io.skysentinel.api.atc;

import io.skysentinel.api.rest.ApiProblems.NotFoundException;
import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.atc.AreaShape;
import io.skysentinel.atc.AtcReference;
import io.skysentinel.atc.GeoJson;
import io.skysentinel.atc.RangeCircle;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outline of the area an ATC position works, as one GeoJSON Feature (docs/atc.md#get-apiatc-areaskindid): the
 * globe fetches it once per area key, since frames carry only the key. Reference areas never change while the
 * process runs (cacheable for an hour); a {@code range} is the live position's visual range.
 */
@RestController
public class AtcAreasController {

    static final Set<String> KINDS = Set.of(AtcArea.AIRPORT, AtcArea.FIR, AtcArea.UIR, AtcArea.TRACON, AtcArea.RANGE);
    private static final CacheControl REFERENCE = CacheControl.maxAge(Duration.ofHours(1));

    private final AtcReference reference;
    private final LiveHub<AtcPosition> atcHub;

    public AtcAreasController(AtcReference reference, LiveHub<AtcPosition> atcHub) {
        this.reference = reference;
        this.atcHub = atcHub;
    }

    @GetMapping("/api/atc-areas/{kind}/{id}")
    @Operation(summary = "An ATC area as a GeoJSON Feature: airport Point, fir/uir/tracon MultiPolygon, range circle")
    public ResponseEntity<Map<String, Object>> area(@PathVariable String kind, @PathVariable String id) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(k))
            throw new InvalidParameterException("kind", "must be one of airport, fir, uir, tracon, range");
        if (k.equals(AtcArea.RANGE))
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(range(id));
        AreaShape shape = reference
                .area(k, id)
                .orElseThrow(() -> new NotFoundException("no " + k + " area with id '" + id + "'"));
        return ResponseEntity.ok().cacheControl(REFERENCE).body(feature(shape, null));
    }

    /** The circle of an online position's visual range around where it is placed. */
    private Map<String, Object> range(String callsign) {
        AtcPosition p = online(callsign.strip());
        if (p == null) throw new NotFoundException("no ATC position '" + callsign + "' is online");
        if (p.position() == null || p.visualRangeNm() == null)
            throw new NotFoundException("ATC position '" + p.callsign() + "' has no position or visual range");
        String name = p.area() != null && p.area().name() != null ? p.area().name() : p.callsign();
        AreaShape circle = new AreaShape(
                AtcArea.RANGE, p.callsign(), name, RangeCircle.around(p.position(), p.visualRangeNm()), p.position());
        return feature(circle, p.visualRangeNm());
    }

    /** VATSIM's position by its id; another network's by a scan of the ~hundreds of positions online. */
    private AtcPosition online(String callsign) {
        AtcPosition p = atcHub.get(AtcPosition.idFor("vatsim", callsign));
        if (p != null) return p;
        return atcHub.snapshot().entities().stream()
                .filter(e -> e.callsign().equalsIgnoreCase(callsign))
                .findFirst()
                .orElse(null);
    }

    static Map<String, Object> feature(AreaShape s, Integer radiusNm) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kind", s.kind());
        props.put("id", s.id());
        props.put("name", s.name());
        props.put("label_lat", s.label().lat());
        props.put("label_lon", s.label().lon());
        if (radiusNm != null) props.put("radius_nm", radiusNm);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", s.id());
        f.put("properties", props);
        f.put("geometry", GeoJson.write(s.geometry()));
        return f;
    }
}
