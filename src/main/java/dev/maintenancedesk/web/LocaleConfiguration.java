package dev.maintenancedesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * French by default, English on request ({@code ?lang=en}), remembered in a cookie. Without a cookie,
 * the language of the signed-in user's profile applies. The browser's Accept-Language is deliberately
 * ignored: the team works in French whatever their browser says.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale DEFAULT = Locale.FRENCH;
    static final Set<String> SUPPORTED = Set.of("fr", "en");
    static final String PARAMETER = "lang";
    static final String COOKIE = "desk-lang";

    /** The bean name is the one DispatcherServlet looks up; it replaces Boot's Accept-Language resolver. */
    @Bean
    LocaleResolver localeResolver(Viewer viewer) {
        CookieLocaleResolver resolver = new LazyLocaleResolver();
        resolver.setDefaultLocale(DEFAULT);
        resolver.setDefaultLocaleFunction(request -> viewer.language().filter(SUPPORTED::contains)
                .map(Locale::forLanguageTag).orElse(DEFAULT));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportedLocaleChangeInterceptor());
    }

    /**
     * Resolves the locale when something first asks for it, not when the request arrives: without a cookie
     * that means reading the user's profile, a database query, which the API's requests (answered in
     * English or by the plan's texts) never need. Spring's resolver does it up front for every request.
     */
    private static final class LazyLocaleResolver extends CookieLocaleResolver {

        LazyLocaleResolver() {
            super(COOKIE);
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            return new TimeZoneAwareLocaleContext() {
                private TimeZoneAwareLocaleContext resolved;

                private TimeZoneAwareLocaleContext resolved() {
                    if (resolved == null) {
                        resolved = (TimeZoneAwareLocaleContext) LazyLocaleResolver.super.resolveLocaleContext(request);
                    }
                    return resolved;
                }

                @Override
                public Locale getLocale() {
                    return resolved().getLocale();
                }

                @Override
                public TimeZone getTimeZone() {
                    return resolved().getTimeZone();
                }
            };
        }
    }

    /** Ignores languages we have no bundle for, so {@code <html lang>} never claims one we cannot show. */
    private static final class SupportedLocaleChangeInterceptor extends LocaleChangeInterceptor {

        SupportedLocaleChangeInterceptor() {
            setParamName(PARAMETER);
            setIgnoreInvalidLocale(true);
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws ServletException {
            String language = request.getParameter(PARAMETER);
            return language == null || !SUPPORTED.contains(language) || super.preHandle(request, response, handler);
        }
    }
}
