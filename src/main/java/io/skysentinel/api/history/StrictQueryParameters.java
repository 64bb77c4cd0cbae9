package io.skysentinel.api.history;

import io.skysentinel.api.rest.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rejects query parameters a history endpoint does not take, as {@code GET /api/flights} does: a silently ignored
 * typo ({@code ?form=…}) returns a plausible but wrong answer, so it is a 400 problem naming the parameter instead.
 * The allowed names are the handler method's {@code @RequestParam}s.
 */
final class StrictQueryParameters implements HandlerInterceptor {

    private final Map<HandlerMethod, Set<String>> allowed = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) return true;
        if (!method.getBeanType().getPackageName().equals(StrictQueryParameters.class.getPackageName())) return true;
        Set<String> names = allowed.computeIfAbsent(method, StrictQueryParameters::requestParams);
        for (var e : request.getParameterMap().entrySet()) {
            String name = e.getKey();
            if (name.startsWith("_")) continue; // cache busters (?_=123), as GET /api/flights allows them
            if (e.getValue().length > 1) throw new InvalidParameterException(name, "is given more than once");
            if (!names.contains(name)) {
                throw new InvalidParameterException(
                        name,
                        "is not a parameter of this endpoint; it takes "
                                + (names.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(names))));
            }
        }
        return true;
    }

    private static Set<String> requestParams(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter p : method.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp == null) continue;
            String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
            if (name != null) names.add(name);
        }
        return names;
    }
}
