package io.skysentinel.api.history;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Installs {@link StrictQueryParameters} (it only acts on this package's endpoints). */
@Configuration(proxyBeanMethods = false)
public class StrictQueryConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StrictQueryParameters());
    }
}
