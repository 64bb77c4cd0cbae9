package io.skysentinel.api.alerts;

import io.skysentinel.alerts.RuleException;
import io.skysentinel.api.rest.ApiProblems;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details of the alert endpoints: a bad rule names its field (400), access is 401/403, limits 409. */
@RestControllerAdvice(basePackageClasses = AlertProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AlertProblems {

    @ExceptionHandler(RuleException.class)
    ProblemDetail badRule(RuleException e) {
        ProblemDetail p = ApiProblems.badParameter(e.field(), e.getMessage());
        p.setTitle("Invalid alert rule");
        return p;
    }

    @ExceptionHandler(Denied.class)
    ResponseEntity<ProblemDetail> denied(Denied e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        p.setType(URI.create(e.status == HttpStatus.UNAUTHORIZED ? "/problems/unauthorized" : "/problems/forbidden"));
        p.setTitle(e.status == HttpStatus.UNAUTHORIZED ? "Owner token required" : "Not this rule's owner token");
        ResponseEntity.BodyBuilder r = ResponseEntity.status(e.status);
        if (e.status == HttpStatus.UNAUTHORIZED) r.header("WWW-Authenticate", "Bearer");
        return r.body(p);
    }

    @ExceptionHandler(TooMany.class)
    ProblemDetail tooMany(TooMany e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("/problems/too-many-rules"));
        p.setTitle("Rule limit reached");
        return p;
    }

    static final class Denied extends RuntimeException {
        final HttpStatus status;

        Denied(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    static final class TooMany extends RuntimeException {
        TooMany(String message) {
            super(message);
        }
    }
}
