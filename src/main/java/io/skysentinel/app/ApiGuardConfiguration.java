package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.api.rest.AdminAccess;
import io.skysentinel.api.rest.AdminInterceptor;
import io.skysentinel.api.rest.AdminSettings;
import io.skysentinel.api.rest.ApiSettings;
import io.skysentinel.api.rest.HandshakeRateLimit;
import io.skysentinel.api.rest.RateLimitInterceptor;
import io.skysentinel.api.rest.TokenBuckets;
import io.skysentinel.api.ws.WsLimits;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What guards the API: admin access ({@link AdminAccess}, {@code @AdminOnly}), per-client rate limits on REST and
 * WebSocket connects, CORS (closed unless API_CORS_ORIGINS names origins), and Tomcat's error pages as problem
 * details (docs/deploy.md#exposing-skysentinel).
 */
@Configuration(proxyBeanMethods = false)
public class ApiGuardConfiguration implements WebMvcConfigurer {

    private final ApiSettings api;
    private final AdminAccess admin;
    private final TokenBuckets rest;

    ApiGuardConfiguration(ApiSettings api, AdminAccess admin, MeterRegistry meters) {
        this.api = api;
        this.admin = admin;
        this.rest = new TokenBuckets(
                "rest",
                api.rateLimitBurst(),
                api.rateLimitPerSecond(),
                api.rateLimitClients(),
                System::nanoTime,
                meters);
    }

    @Bean
    static AdminAccess adminAccess(AdminSettings settings, MeterRegistry meters) {
        return new AdminAccess(settings, System::nanoTime, meters);
    }

    @Bean
    static HandshakeRateLimit wsConnectLimit(WsLimits limits, JsonMapper json, MeterRegistry meters) {
        return new HandshakeRateLimit(
                new TokenBuckets(
                        "ws-connect",
                        limits.connectBurst(),
                        limits.connectPerSecond(),
                        limits.clients(),
                        System::nanoTime,
                        meters),
                json);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RateLimitInterceptor(rest)).addPathPatterns("/api/**");
        registry.addInterceptor(new AdminInterceptor(admin));
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (api.corsOrigins().isEmpty()) return; // no mapping: no Access-Control-Allow-Origin, browsers refuse
        registry.addMapping("/api/**")
                .allowedOriginPatterns(api.corsOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST", "PUT", "DELETE")
                .allowedHeaders("Authorization", "Content-Type")
                .exposedHeaders("Retry-After")
                .maxAge(3600);
    }

    /**
     * Tomcat's error report as a problem detail, for what Tomcat refuses before Spring (a malformed path): ours on the
     * engine (a request whose path cannot be mapped never reaches a host) and in place of the host's HTML one.
     */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> {
            factory.addEngineValves(new ProblemErrorReportValve());
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host)
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                context.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) onlyProblemReports(context.getParent());
                });
            });
        };
    }

    /** Removes every HTML error report valve (Boot adds one) from the host's pipeline, keeping ours. */
    static void onlyProblemReports(Container host) {
        if (host == null) return;
        Pipeline pipeline = host.getPipeline();
        for (Valve v : pipeline.getValves())
            if (v instanceof ErrorReportValve && !(v instanceof ProblemErrorReportValve)) pipeline.removeValve(v);
    }
}
