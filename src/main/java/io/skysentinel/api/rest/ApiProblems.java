package io.skysentinel.api.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns bad client input into RFC 9457 problem details that name the offending parameter. Spring's own MVC errors
 * (404, 405, unreadable body, …) are problem details through {@code spring.mvc.problemdetails.enabled}; anything
 * else falls through to {@link UnexpectedProblems}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's generic problem-details advice, so ours name the parameter
public class ApiProblems {

    static final URI INVALID_PARAMETER = URI.create("/problems/invalid-parameter");

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalid(InvalidParameterException e) {
        return badParameter(e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badParameter(e.getName(), "'" + e.getValue() + "' is not a valid value");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badParameter(e.getParameterName(), "is required");
    }

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<ProblemDetail> refused(ApiRefusal e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::set);
        return ResponseEntity.status(e.problem().getStatus()).headers(headers).body(e.problem());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }

    /**
     * The 400 problem naming a bad parameter, for every endpoint and for /ws/playback's refusal before the upgrade,
     * so that the shape cannot differ between them. MVC adds {@code instance} (the request path) when it writes it.
     */
    public static ProblemDetail badParameter(String name, String reason) {
        ProblemDetail p =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Parameter '" + name + "' " + reason);
        p.setType(INVALID_PARAMETER);
        p.setTitle("Invalid request parameter");
        p.setProperty("parameter", name);
        p.setProperty("invalid_params", List.of(Map.of("name", name, "reason", reason)));
        return p;
    }

    /** A thing that does not exist (an aircraft not in the picture). */
    public static class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
