package dev.maintenancedesk.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Two filter chains. The machine face ({@code /api}, {@code /webhooks}, {@code /actuator}) takes a
 * Bearer token or an existing session, never creates a session and answers 401/403 as
 * problem+json. The human face is form login with sessions stored in the database.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating so that hashes say which algorithm made them ({bcrypt}…) and can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        return username -> users.find(username)
                .flatMap(user -> users.passwordHash(user.username()).map(hash -> userDetails(user, hash)))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain machineFace(HttpSecurity http, ApiTokens tokens, ProblemResponses problems, Users users)
            throws Exception {
        http.securityMatcher("/api/**", "/webhooks/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // GitHub cannot send a Bearer token: the github module checks the
                        // X-Hub-Signature-256 HMAC of every delivery instead.
                        .requestMatchers(HttpMethod.POST, "/webhooks/github").permitAll()
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(Role.ADMIN.name())
                        // the metrics tell ticket counts and KPIs: an admin's token (e.g. DESK_ADMIN_TOKEN) only
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(users, problems), AuthorizationFilter.class)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::browserWrite))
                // An existing session is read, none is created. No session management filter: it took an
                // authentication by token for a login and applied session-fixation protection and a new CSRF
                // token to the session of a call that also sent a cookie (a database read and write per call).
                .securityContext(context -> context.securityContextRepository(existingSessionOnly()))
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityConfiguration::headers)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain humanFace(HttpSecurity http, Users users, ProblemResponses problems, LoginAttempts attempts)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/images/**", "/favicon.ico",
                                "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new PasswordChangeGate.LoginSuccess(users))
                        .failureHandler(loginFailure()))
                .addFilterBefore(attempts.filter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(users, problems), AuthorizationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** The security context of an existing session, else of this request only: never a new session. */
    private static SecurityContextRepository existingSessionOnly() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        return new DelegatingSecurityContextRepository(sessions, new RequestAttributeSecurityContextRepository());
    }

    /**
     * Back to the login page: {@code ?error} whatever the reason (unknown user, wrong password, disabled
     * account: telling them apart would help guessing). A login held by {@link GuessingBrake} never reaches
     * here: {@link LoginAttempts} answers {@code ?error=wait}.
     */
    private static AuthenticationFailureHandler loginFailure() {
        return new SimpleUrlAuthenticationFailureHandler("/login?error");
    }

    /**
     * A write that rides on a session cookie is what CSRF forges. A Bearer token is never sent by the
     * browser on its own, and a request without a session has no ambient credentials to abuse (and
     * checking it would create a session just to store a CSRF token).
     */
    private static boolean browserWrite(HttpServletRequest request) {
        return !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
                && !BearerTokenFilter.carriesToken(request)
                && request.getSession(false) != null;
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                // the desk uses none of these browser features: no page of it, nor anything injected, may ask
                .addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter(
                        "Permissions-Policy", PERMISSIONS_POLICY));
    }

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    static UserDetails userDetails(UserAccount user, String passwordHash) {
        return User.withUsername(user.username())
                .password(passwordHash)
                .authorities(authorities(user.role()))
                .disabled(!user.enabled())
                .build();
    }

    /** ROLE_x for the user's role and every role below it, so hasRole("DEVELOPER") holds for a LEAD. */
    static List<GrantedAuthority> authorities(Role role) {
        return Arrays.stream(Role.values()).filter(role::atLeast)
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }
}
