package io.skysentinel.api.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Holds {@link AdminOnly} endpoints to {@link AdminAccess#require}. A refusal is thrown, so MVC's exception handling
 * (ApiProblems) writes it as a problem detail like any other.
 */
public final class AdminInterceptor implements HandlerInterceptor {

    private final AdminAccess access;

    public AdminInterceptor(AdminAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod m && adminOnly(m)) access.require(request);
        return true;
    }

    static boolean adminOnly(HandlerMethod m) {
        return m.hasMethodAnnotation(AdminOnly.class)
                || AnnotatedElementUtils.hasAnnotation(m.getBeanType(), AdminOnly.class);
    }
}
