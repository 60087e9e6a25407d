package org.coproduction.timeline.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.platform.axon.ReadYourWrites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Holds a {@link ReadsFrom} endpoint until its read models have caught up with the writes before it. */
@Configuration
class ReadYourWritesInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final ObjectProvider<ReadYourWrites> readYourWrites;

    /** Without read models (a web slice under test) there is nothing to wait for. */
    ReadYourWritesInterceptor(ObjectProvider<ReadYourWrites> readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            ReadsFrom reads = method.getMethodAnnotation(ReadsFrom.class);
            ReadYourWrites waits = reads == null ? null : readYourWrites.getIfAvailable();
            if (waits != null) {
                waits.await(List.of(reads.value()), projectId(request));
            }
        }
        return true;
    }

    private static String projectId(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get("projectId") instanceof String id ? id : null;
    }
}
