package com.lead2cash.bench.driver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver's HTTP side, on {@code java.net.http} over loopback: API calls with a user's bearer
 * token, public calls with a web-to-lead key, and pages with a session cookie from the login form.
 */
public final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    public Http(String base) {
        this.base = base;
    }

    /** The answer's status and body. */
    public record Answer(int status, String body) {
    }

    public Answer get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body());
    }

    public Answer postJson(String path, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body());
    }

    public Answer postPublic(String path, String apiKey, String idempotencyKey, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Api-Key", apiKey).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body());
    }

    /** A page as a signed-in browser gets it (Chinese). */
    public Answer page(String path, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "SESSION=" + session(username, password)).header("Accept-Language", "zh-CN")
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body());
    }

    /** A download as a signed-in browser gets it, read to the end; answers status and size. */
    public long[] download(String path, String username, String password) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "SESSION=" + session(username, password)).header("Accept-Language", "zh-CN").GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        long size = 0;
        try (InputStream in = r.body()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
        }
        return new long[] {r.statusCode(), size};
    }

    private String session(String username, String password) throws IOException, InterruptedException {
        String existing = sessions.get(username);
        if (existing != null) {
            return existing;
        }
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher csrf = CSRF.matcher(login.body());
        String cookie = login.headers().firstValue("Set-Cookie").map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).orElse("");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String session = signedIn.headers().allValues("Set-Cookie").stream().map(SESSION::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(cookie);
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("could not sign in as " + username + ": " + signedIn.statusCode() + " "
                    + location);
        }
        sessions.put(username, session);
        return session;
    }
}
