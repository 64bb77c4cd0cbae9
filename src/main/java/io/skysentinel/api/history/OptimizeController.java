package io.skysentinel.api.history;

import io.skysentinel.api.rest.AdminOnly;
import io.skysentinel.api.rest.ApiRefusal;
import io.skysentinel.history.Maintenance;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/performance/optimize (admin): history maintenance now, step by step with timings (docs/api.md). */
@RestController
@AdminOnly
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
public class OptimizeController {

    private final Maintenance maintenance;

    OptimizeController(Maintenance maintenance) {
        this.maintenance = maintenance;
    }

    @PostMapping("/api/performance/optimize")
    @Operation(summary = "Admin: VACUUM (ANALYZE) the history tables and run partition maintenance now")
    Maintenance.Report optimize() {
        try {
            return maintenance.run();
        } catch (Maintenance.BusyException e) {
            throw new ApiRefusal(
                    HttpStatus.CONFLICT, "maintenance-running", "Maintenance running", e.getMessage(), Map.of());
        }
    }
}
