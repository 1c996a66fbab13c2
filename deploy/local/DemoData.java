import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data for the local stack, through the services' real APIs only: peer workers, referrals from several GP
 * practices, link workers and people themselves with realistic conditions, triage (most accepted, some declined),
 * the person's choice of peer, sessions (some missed), SWEMWBS and GAD-7 at baseline and follow-up where
 * outcomes-service takes measurements, a few safeguarding concerns and closures. Fictional people only.
 *
 * <p>Run from the repository root with the stack up: {@code java deploy/local/DemoData.java [--referrals N]}
 * (or {@code deploy/local/demo-data}, or {@code deploy/local/up --demo}). JDK only: tokens come from
 * {@code deploy/local/token}.
 *
 * <p>A year of activity: each referral arrives on a day of the last twelve months and its journey plays out over
 * the following weeks (triage, the person's choice, weekly sessions, follow-up, closure), stopping at today for
 * the recent ones. Every request carries its moment in {@code X-Alongside-Demo-Time}, which services started with
 * {@code deploy/local/up --demo} take as "now" (and production refuses to start with). Against services that
 * ignore it, everything happens today instead, and the run says so.
 */
public final class DemoData {

    private static final String[][] CONDITIONS = {
            {"44054006", "Type 2 diabetes mellitus", "PHYSICAL"}, {"46635009", "Type 1 diabetes mellitus", "PHYSICAL"},
            {"13645005", "Chronic obstructive lung disease", "PHYSICAL"}, {"195967001", "Asthma", "PHYSICAL"},
            {"709044004", "Chronic kidney disease", "PHYSICAL"}, {"84114007", "Heart failure", "PHYSICAL"},
            {"53741008", "Coronary arteriosclerosis", "PHYSICAL"}, {"363346000", "Malignant neoplastic disease", "PHYSICAL"},
            {"86406008", "HIV infection", "PHYSICAL"}, {"49049000", "Parkinson's disease", "PHYSICAL"},
            {"24700007", "Multiple sclerosis", "PHYSICAL"}, {"69896004", "Rheumatoid arthritis", "PHYSICAL"},
            {"82423001", "Chronic pain", "PHYSICAL"}, {"35489007", "Depressive disorder", "MENTAL"},
            {"197480006", "Anxiety disorder", "MENTAL"}, {"58214004", "Schizophrenia", "MENTAL"},
            {"13746004", "Bipolar disorder", "MENTAL"}};
    private static final String[] PRACTICES = {"B82001", "B82005", "B86012", "B86030", "C84016", "Y02494"};
    /** Made-up names for the practices above, as their referrals carry them. */
    private static final String[] PRACTICE_NAMES = {"Beech Tree Surgery", "Riverside Medical Practice",
        "Moorside Surgery", "Hillcrest Health Centre", "Canal Street Practice", "Westgate Family Doctors"};
    /** The demo supervisor (a token subject), the one the console's development sign-in offers first. */
    private static final String SUPERVISOR = "5f1c2b4e-8a7d-4c3b-9e2f-1a6d7c8b9e01";
    private static final String[] GIVEN = {"Ada", "Bilal", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hamid", "Isla",
            "Jamal", "Kasia", "Liam", "Maya", "Niall", "Olu", "Priya", "Rory", "Sana", "Tom", "Una"};
    private static final String[] FAMILY = {"Quayle", "Okafor", "Nowak", "Patel", "Hughes", "Begum", "Murphy",
            "Evans", "Khan", "Walsh"};
    /** NHS ethnic category codes, weighted towards the most common in West Yorkshire (A, H, J). */
    private static final String[] ETHNICITY = {"A", "A", "A", "A", "H", "J", "J", "M", "N", "C", "Z"};
    private static final String[] POSTCODES = {"LS6 2AB", "LS9 7TF", "BD7 1DP", "BD3 9QA", "HX1 5LT", "WF1 2SE",
            "LS11 5DT", "BD5 0AD", "HD1 3EW", "LS17 6DH"};
    private static final String[] FORMATS = {"IN_PERSON", "IN_PERSON", "TELEPHONE", "VIDEO", "ONLINE_TEXT"};
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern PEER_ID = Pattern.compile("\"peerId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final String referrals;
    private final String matching;
    private final String sessions;
    private final String outcomes;
    private final String console;
    private final AtomicInteger counted = new AtomicInteger();
    private volatile boolean measurements = true;
    private volatile boolean backdating = true;
    private final Instant today = Instant.now();
    private final Instant peersJoined = today.minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);

    /** The services answer on portBase + 1 to + 4, as the local stack's 8081-8084 (portBase 8080). */
    private DemoData(String host, int portBase) {
        referrals = "http://" + host + ":" + (portBase + 1);
        matching = "http://" + host + ":" + (portBase + 2);
        sessions = "http://" + host + ":" + (portBase + 3);
        outcomes = "http://" + host + ":" + (portBase + 4);
        console = "http://" + host + ":" + portBase;
    }

    public static void main(String[] args) throws Exception {
        int count = 150;
        long seed = 20_250_401L;
        String host = "127.0.0.1";
        int portBase = 8080;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--referrals" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--host" -> host = args[++i];
                case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: java deploy/local/DemoData.java [--referrals N] [--seed S] [--host H]"
                            + " [--port-base P (services on P+1..P+4; 8080)]");
                    System.exit(2);
                }
            }
        }
        new DemoData(host, portBase).run(count, seed);
    }

    private void run(int count, long seed) throws Exception {
        Instant started = Instant.now();
        Random random = new Random(seed);
        List<String[]> peers = new ArrayList<>();
        for (int i = 0; i < CONDITIONS.length; i++) {
            String[] condition = CONDITIONS[i];
            String body = "{\"displayName\":\"" + GIVEN[(i * 7) % GIVEN.length] + " (peer)\",\"gender\":\""
                    + (i % 2 == 0 ? "FEMALE" : "MALE") + "\",\"languages\":[\"en\"],\"settings\":"
                    + "[\"ONE_TO_ONE\",\"GROUP\"],\"media\":[\"IN_PERSON\",\"TELEPHONE\",\"VIDEO\"],"
                    + "\"capacity\":50,\"active\":true,\"experiences\":[\"carer\"],\"livedExperience\":["
                    + conditionJson(condition) + "]}";
            // Peer workers join before the demo year; the first one tells whether the services take demo time.
            HttpResponse<String> created = send("POST", matching + "/peers", token("coordinator"), body, 201,
                    peersJoined);
            if (i == 0) {
                backdating = created.body().contains("\"createdAt\":\"" + peersJoined.toString().replace("Z", ""));
            }
            peers.add(new String[] {id(created), condition[0]});
            // session-service owns supervision and tells matching (supervisor.assigned): the demo supervisor sees
            // these peers and their work
            send("PUT", sessions + "/supervisors/" + SUPERVISOR, token("admin"), "{\"displayName\":\"Sam Supervisor\","
                    + "\"email\":\"supervisor@alongside.local\",\"active\":true}", 200);
            send("PUT", sessions + "/peers/" + id(created) + "/supervisor", token("coordinator"),
                    "{\"supervisor\":\"" + SUPERVISOR + "\"}", 200);
        }
        System.out.printf("demo-data: %d peer workers%n", peers.size());

        measurements = send("GET", outcomes + "/instruments", token("coordinator"), null, -1).statusCode() == 200;
        if (!measurements) {
            System.out.println("demo-data: outcomes-service takes no measurements yet; skipping them");
        }
        if (!backdating) {
            System.out.println("demo-data: the services ignore X-Alongside-Demo-Time (not started with "
                    + "deploy/local/up --demo), so all activity is dated today");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> journeys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long journeySeed = random.nextLong();
            int n = i;
            journeys.add(pool.submit(() -> {
                journey(n, new Random(journeySeed));
                return null;
            }));
        }
        int failed = 0;
        for (Future<?> journey : journeys) {
            try {
                journey.get();
            } catch (Exception e) {
                failed++;
                System.err.println("demo-data: a journey failed: " + e.getCause());
            }
        }
        pool.shutdown();
        System.out.printf("demo-data: %d referrals in %d s (%d failed). Dashboard: %s/commissioner/dashboard "
                        + "(signed in as a commissioner)%n", count - failed,
                Duration.between(started, Instant.now()).toSeconds(), failed, console);
    }

    private void journey(int n, Random random) throws Exception {
        // Each step's moment: a referral received on a working day of the last year, then its journey.
        Instant received = today.minus(Duration.ofDays(1 + random.nextInt(364)))
                .truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(9 * 60 + random.nextInt(480)));
        Timeline time = new Timeline(received);
        String[] first = CONDITIONS[random.nextInt(13)];
        boolean alsoMental = random.nextInt(3) == 0;
        String[] mental = CONDITIONS[13 + random.nextInt(4)];
        boolean mentalOnly = random.nextInt(8) == 0;
        String conditions = mentalOnly ? conditionJson(mental)
                : conditionJson(first) + (alsoMental ? "," + conditionJson(mental) : "");
        int source = random.nextInt(10);
        int practice = random.nextInt(PRACTICES.length);
        String referrer = source < 7 ? "{\"type\":\"GP_PRACTICE\",\"odsCode\":\"" + PRACTICES[practice]
                + "\",\"organisationName\":\"" + PRACTICE_NAMES[practice] + "\"}"
                : source < 9 ? "{\"type\":\"LINK_WORKER\",\"odsCode\":\"Y06789\","
                        + "\"organisationName\":\"Calder Valley Connectors\"}" : "{\"type\":\"SELF\"}";
        LocalDate birth = LocalDate.now().minusYears(18 + random.nextInt(68)).minusDays(random.nextInt(365));
        String nhsNumber = source < 9 ? "\"nhsNumber\":\"" + nhsNumber(random) + "\"," : "";
        String body = "{\"referrer\":" + referrer + ",\"person\":{" + nhsNumber + "\"givenName\":\""
                + GIVEN[random.nextInt(GIVEN.length)]
                + "\",\"familyName\":\"" + FAMILY[random.nextInt(FAMILY.length)] + "\",\"birthDate\":\"" + birth
                + "\",\"gender\":\"" + (random.nextInt(20) == 0 ? "OTHER" : random.nextBoolean() ? "FEMALE" : "MALE")
                + "\",\"postcode\":\"" + POSTCODES[random.nextInt(POSTCODES.length)] + "\",\"language\":\"en\""
                + (random.nextInt(3) == 0 ? "" : ",\"ethnicity\":\"" + ETHNICITY[random.nextInt(ETHNICITY.length)] + "\"")
                + "},"
                + "\"conditions\":[" + conditions + "],\"reason\":\"Would like to talk to someone who has been there\","
                + "\"preferences\":{\"settings\":[\"ONE_TO_ONE\"" + (random.nextInt(4) == 0 ? ",\"GROUP\"" : "")
                + "],\"media\":[\"IN_PERSON\",\"TELEPHONE\"],\"sharedCondition\":true},"
                + "\"availability\":[{\"day\":\"" + DayOfWeek.of(1 + random.nextInt(5)) + "\",\"part\":\""
                + (random.nextBoolean() ? "MORNING" : "EVENING") + "\"}],"
                + "\"experiences\":[" + (random.nextInt(3) == 0 ? "\"carer\"" : random.nextInt(3) == 0
                        ? "\"bereavement\"" : "") + "],"
                + "\"consent\":{\"peerSupport\":true,\"shareWithGp\":true},\"imdDecile\":"
                + (1 + Math.min(9, random.nextInt(6) + random.nextInt(5))) + "}";
        String referrerToken = source < 7 ? token("referrer", "--ods", PRACTICES[practice]) : token("coordinator");
        String referral = id(send("POST", referrals + "/referrals", referrerToken, body, 201, time.now()));
        String coordinator = token("coordinator");

        int triage = random.nextInt(100);
        if (triage < 4) {
            // still waiting for triage: the coordinator tried to reach them on three days, without success, so the
            // console lists them as unable to contact
            for (int attempt = 0; attempt < 3 && time.advance(attempt == 0 ? Duration.ofHours(2) : Duration.ofDays(1));
                    attempt++) {
                send("POST", referrals + "/referrals/" + referral + "/contact-attempts", coordinator,
                        "{\"attemptedAt\":\"" + time.now() + "\",\"method\":\"PHONE\",\"outcome\":\""
                                + (attempt == 1 ? "LEFT_MESSAGE" : "NO_ANSWER") + "\"}", 201, time.now());
            }
            return;
        }
        if (!time.advance(Duration.ofHours(4 + random.nextInt(140)))) {
            return; // still waiting for triage
        }
        if (triage < 14) {
            send("POST", referrals + "/referrals/" + referral + "/decline", coordinator, "{\"reason\":\""
                    + (random.nextBoolean() ? "NOT_ELIGIBLE" : "NEEDS_OTHER_SERVICE") + "\"}", 200, time.now());
            return;
        }
        send("POST", referrals + "/referrals/" + referral + "/accept", coordinator, null, 200, time.now());
        if (random.nextInt(100) < 4 && time.advance(Duration.ofDays(2 + random.nextInt(10)))) {
            send("POST", referrals + "/referrals/" + referral + "/withdraw", coordinator,
                    "{\"reason\":\"PERSON_REQUEST\"}", 200, time.now());
            return;
        }
        String proposals = awaitBody(matching + "/referrals/" + referral + "/proposals", coordinator, "\"peerId\"");
        if (proposals == null) {
            return; // no peer fits: waits for one
        }
        Matcher proposal = ID.matcher(proposals.substring(proposals.indexOf("\"proposals\"")));
        Matcher peerMatch = PEER_ID.matcher(proposals);
        if (!proposal.find() || !peerMatch.find()) {
            return;
        }
        String peer = peerMatch.group(1);
        if (!time.advance(Duration.ofHours(6 + random.nextInt(90)))) {
            return; // the person has not chosen yet
        }
        send("POST", matching + "/proposals/" + proposal.group(1) + "/accept", coordinator, null, 200, time.now());

        // The wait for a first session: mostly two to five weeks.
        if (!time.advance(Duration.ofDays(5 + random.nextInt(18) + random.nextInt(18)))) {
            return;
        }
        if (measurements) {
            measure(referral, "SWEMWBS", "BASELINE", 7, 1, 5, 2 + random.nextInt(2), random, coordinator, time.now());
            if (alsoMental || mentalOnly) {
                measure(referral, "GAD7", "BASELINE", 7, 0, 3, 2, random, coordinator, time.now());
            }
        }
        int count = 3 + random.nextInt(8);
        for (int s = 0; s < count; s++) {
            if (s > 0 && !time.advance(Duration.ofDays(6 + random.nextInt(9)))) {
                return; // still in support
            }
            OffsetDateTime startedAt = time.now().atOffset(ZoneOffset.UTC);
            int roll = random.nextInt(100);
            String attendance = s == 0 || roll >= 20 ? "ATTENDED"
                    : roll < 11 ? "DID_NOT_ATTEND" : roll < 16 ? "CANCELLED_BY_CLIENT" : "CANCELLED_BY_PEER";
            String format = FORMATS[random.nextInt(FORMATS.length)];
            String concern = s == 1 && random.nextInt(12) == 0 ? ",\"safeguardingConcern\":{\"category\":\""
                    + (random.nextBoolean() ? "SELF_NEGLECT" : "FINANCIAL_ABUSE") + "\",\"description\":"
                    + "\"Demo concern (fictional)\",\"immediateRisk\":false}" : "";
            String session = "{\"referralId\":\"" + referral + "\",\"peerId\":\"" + peer + "\",\"startedAt\":\""
                    + startedAt + "\",\"durationMinutes\":" + (30 + random.nextInt(4) * 15)
                    + ",\"medium\":\"" + format + "\"" + ("IN_PERSON".equals(format) ? ",\"placeType\":\"COMMUNITY_VENUE\"" : "")
                    + ",\"attendance\":\"" + attendance + "\",\"focus\":" + ("ATTENDED".equals(attendance)
                    ? "[\"EMOTIONAL_SUPPORT\",\"DAILY_MANAGEMENT\"]" : "[]") + concern + "}";
            // session-service learns of the match through Kafka: retry until it has
            awaitStatus("POST", sessions + "/sessions", coordinator, session, 201,
                    time.now().plus(Duration.ofHours(2)));
        }
        if (!time.advance(Duration.ofDays(7))) {
            return;
        }
        if (measurements && random.nextInt(100) < 80) {
            measure(referral, "SWEMWBS", "FOLLOW_UP", 7, 1, 5, 3 + random.nextInt(2), random, coordinator, time.now());
            if (alsoMental || mentalOnly) {
                measure(referral, "GAD7", "FOLLOW_UP", 7, 0, 3, 1, random, coordinator, time.now());
            }
        }
        if (random.nextInt(100) < 85) {
            int reason = random.nextInt(10);
            send("POST", referrals + "/referrals/" + referral + "/close", coordinator, "{\"reason\":\""
                    + (reason < 6 ? "GOALS_MET" : reason < 8 ? "SUPPORT_NO_LONGER_WANTED" : "NOT_ENGAGING") + "\"}", -1,
                    time.now());
        }
        if (counted.incrementAndGet() % 25 == 0) {
            System.out.printf("demo-data: %d journeys through to sessions%n", counted.get());
        }
    }

    /** A completed instrument whose answers centre on {@code typical}. */
    private void measure(String referral, String instrument, String timepoint, int items, int min, int max,
            int typical, Random random, String token, Instant at) throws Exception {
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < items; i++) {
            int answer = Math.max(min, Math.min(max, typical + random.nextInt(3) - 1));
            answers.append(i == 0 ? "" : ",").append(answer);
        }
        String body = "{\"referralId\":\"" + referral + "\",\"instrument\":\"" + instrument + "\",\"timepoint\":\""
                + timepoint + "\",\"completedAt\":\"" + at.minusSeconds(300).atOffset(ZoneOffset.UTC)
                + "\",\"answers\":[" + answers + "]}";
        HttpResponse<String> response = send("POST", outcomes + "/measurements", token, body, -1, at);
        // outcomes-service learns of the referral through Kafka: give it a moment
        for (int attempt = 0; attempt < 50 && response.statusCode() == 400 && response.body().contains("no referral");
                attempt++) {
            Thread.sleep(200);
            response = send("POST", outcomes + "/measurements", token, body, -1, at);
        }
        if (response.statusCode() != 201) {
            System.err.printf("demo-data: measurement not taken (%d): %s%n", response.statusCode(), response.body());
        }
    }

    private String awaitBody(String url, String token, String marker) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> response = send("GET", url, token, null, -1);
            if (response.statusCode() == 200 && response.body().contains(marker)) {
                return response.body();
            }
            if (response.statusCode() == 200 && response.body().contains("\"WAITING\"")) {
                return null;
            }
            Thread.sleep(200);
        }
        return null;
    }

    private void awaitStatus(String method, String url, String token, String body, int expected, Instant at)
            throws Exception {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            response = send(method, url, token, body, -1, at);
            if (response.statusCode() == expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                + response.body());
    }

    private HttpResponse<String> send(String method, String url, String token, String body, int expected)
            throws IOException, InterruptedException {
        return send(method, url, token, body, expected, null);
    }

    /** {@code at}: the moment the request happens in the demo year (null: now). */
    private HttpResponse<String> send(String method, String url, String token, String body, int expected, Instant at)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (at != null && backdating) {
            request.header("X-Alongside-Demo-Time", at.toString());
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            if ("POST".equals(method) && url.endsWith("/referrals")) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0 && response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /** A journey's moments: they only move forward, and never past today. */
    private final class Timeline {

        private Instant now;

        Timeline(Instant start) {
            now = start;
        }

        Instant now() {
            return backdating ? now : Instant.now();
        }

        /** Moves on by {@code step}; false when that would be after today (the journey has got no further). */
        boolean advance(Duration step) {
            if (!backdating) {
                return true;
            }
            Instant next = now.plus(step);
            if (next.isAfter(today)) {
                return false;
            }
            now = next;
            return true;
        }
    }

    private String token(String role, String... options) {
        return tokens.computeIfAbsent(role + String.join(" ", options), key -> {
            List<String> command = new ArrayList<>(List.of(Path.of("deploy", "local", "token").toString(), role));
            command.addAll(List.of(options));
            try {
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (process.waitFor() != 0 || token.isEmpty()) {
                    throw new IllegalStateException("deploy/local/token " + role + " failed");
                }
                return token;
            } catch (IOException e) {
                throw new IllegalStateException("Run from the repository root: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** A fictional NHS number with a valid check digit (weights 10..2, mod 11). */
    private static String nhsNumber(Random random) {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                digits[i] = random.nextInt(10);
                sum += digits[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            StringBuilder number = new StringBuilder();
            for (int digit : digits) {
                number.append(digit);
            }
            return number.append(check == 11 ? 0 : check).toString();
        }
    }

    private static String id(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return matcher.group(1);
    }

    private static String conditionJson(String[] condition) {
        return "{\"snomedCode\":\"" + condition[0] + "\",\"display\":\"" + condition[1].replace("'", "\u2019")
                + "\",\"kind\":\"" + condition[2].toUpperCase(Locale.ROOT) + "\"}";
    }
}
