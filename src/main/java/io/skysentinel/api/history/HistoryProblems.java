package io.skysentinel.api.history;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The history database unreachable (outage, restart) is a 503 problem for the history endpoints, not a 500. */
@RestControllerAdvice(basePackageClasses = HistoryProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class HistoryProblems {

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail unavailable(DataAccessException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The history database is not reachable right now; live data is unaffected. Try again shortly.");
        p.setType(URI.create("/problems/history-unavailable"));
        p.setTitle("History unavailable");
        return p;
    }
}
