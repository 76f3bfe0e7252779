package dev.maintenancedesk.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The checks every request passes before its handler, whatever module answers it. */
@Configuration(proxyBeanMethods = false)
class RequestRules implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DirectErrorRequests()).addPathPatterns(DirectErrorRequests.PATH,
                DirectErrorRequests.PATH + "/**");
        registry.addInterceptor(new AcceptableAnswers());
        registry.addInterceptor(new BodyTypeRule());
        registry.addInterceptor(new ParameterRules());
    }
}
