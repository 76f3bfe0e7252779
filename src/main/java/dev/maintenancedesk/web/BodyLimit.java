package dev.maintenancedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are read up to a limit ({@code desk.http.max-body}, 1 MiB): a JSON body over it is a 413
 * problem, whether its Content-Length says so or a chunked body runs over while it is read, and it is never
 * parsed (a 60 MB body used to be). Webhook deliveries have their own, larger, limit where they are received;
 * HTML forms are capped by Tomcat ({@code server.tomcat.max-http-form-post-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodyLimit extends OncePerRequestFilter {

    private final long limit;

    BodyLimit(@Value("${desk.http.max-body:1MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/webhooks/") || !hasBody(request);
    }

    /**
     * An HTTP/1.1 request has a body only when it says so with Content-Length or Transfer-Encoding: the others
     * (most requests: every list and read) go on unwrapped, one request wrapper fewer for every call on them.
     */
    static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Limited(request, limit), response);
    }

    /** Thrown by the stream once the body runs over the limit; {@link RequestRefusals} makes it a 413. */
    static final class OverLimit extends IOException {

        final long limit;

        OverLimit(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), getContentLengthLong(), limit);
            }
            return stream;
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long declared;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long declared, long limit) {
            this.in = in;
            this.declared = declared;
            this.limit = limit;
        }

        private void check(long more) throws OverLimit {
            if (declared > limit || read + more > limit) {
                throw new OverLimit(limit);
            }
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = in.read();
            if (b >= 0) {
                check(1);
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                check(n);
                read += n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
