package dev.maintenancedesk.accounts;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any filter runs (a control character in a header, a malformed request line
 * or URL) are answered by its error report valve: without this, with none of the desk's security headers and
 * an HTML page with inline styles. The desk's valve adds the same headers as every other answer and a plain
 * page, or problem+json for the API.
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // After Spring Boot's own customizer, which adds a plain ErrorReportValve to the host: replace it.
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // else the host adds Tomcat's own valve at start, showing its full report, next to ours
                host.setErrorReportValveClass("");
            }
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new DeskErrorReportValve());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class DeskErrorReportValve extends ErrorReportValve {

        DeskErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()
                    || !response.setErrorReported()) {
                return;
            }
            SecurityHeaders.writeTo(response, request.isSecure());
            String reason = reason(status);
            try {
                response.setCharacterEncoding("UTF-8");
                String body;
                if (machine(request.getRequestURI())) {
                    response.setContentType("application/problem+json");
                    // the shape of every other refusal (problem.DeskProblem), written by hand: no Spring here
                    body = "{\"type\":\"/problems/unreadable-request\",\"title\":\"" + reason + "\",\"status\":"
                            + status + ",\"detail\":\"The server could not read this request (request line, header"
                            + " or URL).\"}";
                } else {
                    response.setContentType("text/html");
                    body = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + status
                            + " — Maintenance Desk</title><link rel=\"stylesheet\" href=\"/css/desk.css\"></head>"
                            + "<body><main class=\"error-page\"><h1>" + status + "</h1>"
                            + "<p>Le Desk n’a pas pu lire cette requête.</p>"
                            + "<p lang=\"en\">The desk could not read this request.</p>"
                            + "<p><a href=\"/\">Accueil / Home</a></p></main></body></html>";
                }
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // The client went away: nothing more to say to it.
            }
        }

        private static boolean machine(String uri) {
            return uri != null && (uri.startsWith("/api/") || uri.startsWith("/webhooks/") || uri.startsWith("/actuator/"));
        }

        private static String reason(int status) {
            return switch (status) {
                case 400 -> "Bad Request";
                case 404 -> "Not Found";
                case 413 -> "Content Too Large";
                case 414 -> "URI Too Long";
                case 431 -> "Request Header Fields Too Large";
                case 503 -> "Service Unavailable";
                default -> status < 500 ? "Client Error" : "Server Error";
            };
        }
    }
}
