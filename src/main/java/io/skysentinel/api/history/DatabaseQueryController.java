package io.skysentinel.api.history;

import io.skysentinel.api.rest.AdminOnly;
import io.skysentinel.api.rest.ApiProblems;
import io.skysentinel.api.rest.ApiRefusal;
import io.skysentinel.history.ReadOnlyQuery;
import io.skysentinel.history.StatementCheck;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/database/query (admin): one reading statement on the history, as the read-only role (docs/api.md).
 * Refusals are 400 problems that say why: the statement check's reason (parameter {@code sql}) or the database's.
 */
@RestController
@AdminOnly
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DatabaseQueryController {

    static final int MAX_SQL_CHARS = 100_000;

    private final ReadOnlyQuery query;

    DatabaseQueryController(ReadOnlyQuery query) {
        this.query = query;
    }

    /** @param maxRows rows wanted, 1..the max-rows setting; absent: the setting */
    public record QueryRequest(String sql, Integer maxRows) {}

    @PostMapping("/api/database/query")
    @Operation(summary = "Admin: run one read-only statement (SELECT/WITH/TABLE/VALUES/EXPLAIN) on the history")
    ReadOnlyQuery.Result run(@RequestBody QueryRequest request) {
        String sql = request.sql();
        if (sql == null || sql.isBlank()) throw new BadField("sql", "is required");
        if (sql.length() > MAX_SQL_CHARS) throw new BadField("sql", "is longer than " + MAX_SQL_CHARS + " chars");
        int max = query.maxRows();
        Integer wanted = request.maxRows();
        if (wanted != null && (wanted < 1 || wanted > max))
            throw new BadField("max_rows", "must be 1.." + max + ", was " + wanted);
        try {
            return query.run(sql, wanted == null ? max : wanted);
        } catch (StatementCheck.RefusedException e) {
            throw new BadField("sql", e.getMessage());
        } catch (ReadOnlyQuery.UnavailableException e) {
            throw new ApiRefusal(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "query-unavailable",
                    "Query endpoint unavailable",
                    "The read-only database role cannot connect; see docs/deploy.md (the reader role)",
                    Map.of());
        }
    }

    @ExceptionHandler(BadField.class)
    ProblemDetail refused(BadField e) {
        return ApiProblems.badParameter(e.parameter, e.getMessage());
    }

    @ExceptionHandler(ReadOnlyQuery.DatabaseRefusedException.class)
    ProblemDetail databaseRefused(ReadOnlyQuery.DatabaseRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The database refused the statement: " + e.getMessage());
        p.setType(java.net.URI.create("/problems/query-refused"));
        p.setTitle("Query refused");
        p.setProperty("sql_state", e.sqlState());
        return p;
    }

    /** A bad field of the request body, written as ApiProblems' invalid-parameter problem. */
    static final class BadField extends RuntimeException {
        final String parameter;

        BadField(String parameter, String reason) {
            super(reason);
            this.parameter = parameter;
        }
    }
}
