package io.skysentinel.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method (or every method of a controller) as an admin endpoint: the interceptor that app
 * registers ({@link AdminInterceptor}) lets the request through only with the admin token, see {@link AdminAccess}.
 * With no token configured the endpoint answers 404 (admin features off).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdminOnly {}
