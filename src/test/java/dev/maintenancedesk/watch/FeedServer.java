package dev.maintenancedesk.watch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A loopback HTTP server that answers like the watch's sources, from real-format files under
 * {@code src/test/resources/watch}: an RSS 2.0 feed with ETag/Last-Modified (304 on a matching conditional GET),
 * an Atom feed, the NVD CVE API 2.0 (paged), OSV's querybatch and vulns, one that never answers in time, one
 * that answers garbage, one that answers 429 with Retry-After and one that fails with 500.
 */
final class FeedServer implements AutoCloseable {

    static final String ETAG = "\"django-v1\"";
    static final String LAST_MODIFIED = "Tue, 06 Aug 2024 14:00:00 GMT";

    private final HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> osvBodies = new CopyOnWriteArrayList<>();

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery();
        requests.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query)
                + (x.getRequestHeaders().getFirst("If-None-Match") == null ? "" : " If-None-Match: "
                        + x.getRequestHeaders().getFirst("If-None-Match")));
        try (x) {
            switch (path) {
                case "/django.rss", "/sept.rss" -> {
                    if (ETAG.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                        x.getResponseHeaders().set("ETag", ETAG);
                        x.sendResponseHeaders(304, -1);
                        return;
                    }
                    x.getResponseHeaders().set("ETag", ETAG);
                    x.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
                    send(x, 200, "application/rss+xml; charset=utf-8", resource(path.equals("/sept.rss")
                            ? "feeds/django-weblog-september.rss" : "feeds/django-weblog.rss"));
                }
                case "/drf.atom" -> send(x, 200, "application/atom+xml; charset=utf-8", resource("feeds/drf-releases.atom"));
                case "/nvd" -> {
                    boolean second = query != null && query.contains("startIndex=2");
                    send(x, 200, "application/json", resource(second ? "nvd-page-2.json" : "nvd-page-0.json"));
                }
                case "/osv/v1/querybatch" -> osv(x);
                case "/slow" -> {
                    try {
                        release.await(10, TimeUnit.SECONDS); // longer than the client's timeout
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(x, 200, "application/rss+xml", resource("feeds/django-weblog.rss"));
                }
                case "/garbage" -> send(x, 200, "application/rss+xml",
                        "<html><body>Maintenance <b>in progress</body>\u0000\u0001".getBytes(StandardCharsets.UTF_8));
                case "/nvd-garbage" -> send(x, 200, "application/json", "{\"message\": \"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
                case "/busy" -> {
                    x.getResponseHeaders().set("Retry-After", "120");
                    send(x, 429, "text/plain", "Too Many Requests".getBytes(StandardCharsets.UTF_8));
                }
                case "/broken" -> send(x, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
                default -> {
                    if (path.startsWith("/osv/v1/vulns/")) {
                        byte[] body = resourceOrNull("osv/" + path.substring("/osv/v1/vulns/".length()) + ".json");
                        send(x, body == null ? 404 : 200, "application/json", body == null ? "{}".getBytes() : body);
                    } else {
                        send(x, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    /** django: two pages (a next_page_token); djangorestframework: one advisory; anything else: none. */
    private void osv(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        osvBodies.add(body);
        JsonNode request = OsvRecords.JSON.readTree(body);
        StringBuilder out = new StringBuilder("{\"results\":[");
        boolean first = true;
        for (JsonNode q : request.path("queries")) {
            String name = q.path("package").path("name").asString();
            String token = q.path("page_token").isMissingNode() ? null : q.path("page_token").asString();
            out.append(first ? "" : ",");
            first = false;
            switch (name.toLowerCase()) {
                case "django" -> out.append(token == null
                        ? "{\"vulns\":[{\"id\":\"PYSEC-0000-CVE-2024-41989\",\"modified\":\"2024-08-07T15:17:00Z\"}],"
                                + "\"next_page_token\":\"page-2\"}"
                        : "{\"vulns\":[{\"id\":\"PYSEC-0000-CVE-2023-36053\",\"modified\":\"2023-07-11T14:26:00Z\"}]}");
                case "djangorestframework" -> out.append(
                        "{\"vulns\":[{\"id\":\"PYSEC-2020-263\",\"modified\":\"2021-11-16T03:58:43.874175Z\"}]}");
                default -> out.append("{}");
            }
        }
        send(x, 200, "application/json", out.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        x.getResponseBody().write(body);
    }

    static byte[] resource(String name) {
        byte[] body = resourceOrNull(name);
        if (body == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        return body;
    }

    private static byte[] resourceOrNull(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/watch/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
