import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the console takes to render each main page with the demo data: signs in through the development sign-in
 * as each role, then asks for each page repeatedly from one client on loopback and reports p50, p95 and max per page
 * (the time to the last byte of the HTML, which on loopback is the console's render plus its calls to the services).
 * Then what a page ships: the CSS and JavaScript it loads, compressed as they travel. A benchmark, not a test: run
 * it on a quiet machine against `deploy/local/up --demo`.
 *
 * <pre>java bench/ConsolePages.java            (-Dconsole=http://localhost:8080 -Drepeats=200 -Dwarmup=30)</pre>
 */
public class ConsolePages {

    static final String CONSOLE = System.getProperty("console", "http://localhost:8080");
    static final int REPEATS = Integer.getInteger("repeats", 200);
    static final int WARMUP = Integer.getInteger("warmup", 30);

    public static void main(String[] args) throws Exception {
        Map<String, List<Long>> results = new LinkedHashMap<>();
        Session coordinator = signIn("coordinator", Map.of());
        String worklist = get(coordinator, "/coordinator/worklist");
        // a person in support: their page has the most parts (sessions, contact log, every peer they had)
        String active = get(coordinator, "/coordinator/worklist?status=ACTIVE");
        String referral = first(active + worklist, "/coordinator/referrals/([0-9a-f-]{36})");
        String family = first(worklist, "/coordinator/referrals/[0-9a-f-]{36}\">[^<]*?([A-Z][a-z]+)</a>");
        time(results, coordinator, "coordinator worklist", "/coordinator/worklist");
        if (family != null) {
            time(results, coordinator, "coordinator find by name", "/coordinator/worklist?name=" + family);
        }
        time(results, coordinator, "coordinator unable to contact", "/coordinator/worklist?unableToContact=true");
        if (referral != null) {
            time(results, coordinator, "coordinator referral page", "/coordinator/referrals/" + referral);
            time(results, coordinator, "coordinator edit details", "/coordinator/referrals/" + referral + "/edit");
        }
        time(results, coordinator, "coordinator waiting list", "/coordinator/waiting");
        String peers = get(coordinator, "/coordinator/peers");
        time(results, coordinator, "coordinator peers", "/coordinator/peers");
        String peerPage = first(peers, "href=\"(/coordinator/peers/[0-9a-f-]{36})\"");
        if (peerPage != null) {
            time(results, coordinator, "coordinator peer (status, people)", peerPage);
        }
        time(results, coordinator, "coordinator safeguarding worklist", "/supervisor/concerns");

        String signInPage = get(new Session(), "/sign-in");
        String peer = first(signInPage, "<option value=\"([0-9a-f-]{36})\"");
        if (peer != null) {
            Session peerWorker = signIn("peer-worker", Map.of("peerId", peer));
            String people = get(peerWorker, "/peer/people");
            String person = first(people, "/peer/people/([0-9a-f-]{36})");
            time(results, peerWorker, "peer worker people (caseload)", "/peer/people");
            if (person != null) {
                time(results, peerWorker, "peer worker person page", "/peer/people/" + person);
                time(results, peerWorker, "peer worker record a session", "/peer/people/" + person + "/sessions/new");
            }
        }
        Session supervisor = signIn("supervisor", Map.of());
        time(results, supervisor, "supervisor safeguarding worklist", "/supervisor/concerns");
        String alerts = get(supervisor, "/alerts");
        time(results, supervisor, "supervisor alerts", "/alerts");
        String alert = first(alerts, "id=\"alert-section-([0-9a-f-]{36})\"");
        if (alert != null) {
            time(results, supervisor, "supervisor one alert", "/alerts/" + alert);
        }
        time(results, supervisor, "supervisor supervisees", "/supervisor/supervisees");
        time(results, supervisor, "supervisor overdue supervision", "/supervisor/overdue");
        Session referrer = signIn("referrer", Map.of("odsCode", "B82001"));
        time(results, referrer, "referrer referrals", "/referrer/referrals");
        Session commissioner = signIn("commissioner", Map.of());
        time(results, commissioner, "commissioner dashboard", "/commissioner/dashboard");

        System.out.printf("console %s, %d requests per page after %d warm-up, one client; load %s%n", CONSOLE,
                REPEATS, WARMUP, new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")))
                        .trim());
        System.out.printf("%-36s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "max ms");
        results.forEach((page, times) -> {
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-36s %8.1f %8.1f %8.1f%n", page, sorted[sorted.length / 2] / 1e6,
                    sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
        });
        shipped(worklist);
    }

    /** The CSS and JavaScript a page loads, as they travel (gzip) and unpacked. */
    static void shipped(String page) throws Exception {
        Matcher assets = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+\\.(?:css|js))\"").matcher(page);
        long wire = 0;
        long unpacked = 0;
        HttpClient client = HttpClient.newHttpClient();
        while (assets.find()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CONSOLE + assets.group(1)));
            byte[] gzip = client.send(request.copy().header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            byte[] plain = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            System.out.printf("%-36s %8.1f KB on the wire, %8.1f KB unpacked%n", assets.group(1), gzip.length / 1024.0,
                    plain.length / 1024.0);
            wire += gzip.length;
            unpacked += plain.length;
        }
        System.out.printf("%-36s %8.1f KB on the wire, %8.1f KB unpacked%n", "CSS and JavaScript a page ships",
                wire / 1024.0, unpacked / 1024.0);
    }

    /**
     * The console's cookies are Secure, which java.net's CookieManager never sends over plain http (a browser does,
     * to localhost): this session keeps them itself.
     */
    static final class Session {
        final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return response;
        }
    }

    static void time(Map<String, List<Long>> results, Session client, String name, String path) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            get(client, path);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            get(client, path);
            times.add(System.nanoTime() - start);
        }
        results.put(name, times);
    }

    static String get(Session client, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(CONSOLE + path)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The development sign-in, as a browser does it: the form's CSRF token, then the post. */
    static Session signIn(String role, Map<String, String> persona) throws Exception {
        Session client = new Session();
        String page = get(client, "/sign-in");
        String csrf = first(page, "name=\"csrf-token\" value=\"([^\"]+)\"");
        Map<String, String> form = new LinkedHashMap<>(persona);
        form.put("csrf-token", csrf);
        form.put("role", role);
        form.put("return", "/");
        String body = String.join("&", form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(CONSOLE + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 303) {
            throw new IllegalStateException("signing in as " + role + " answered " + response.statusCode());
        }
        return client;
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

}
