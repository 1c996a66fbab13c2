import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load against a running local stack (deploy/local/up): intake throughput and latency for POST /referrals and
 * POST /fhir/$process-message (a BaRS referral request message) at several concurrencies, and the end-to-end
 * latency from accepting a referral to its proposals being visible in matching-service. With -Dpeer, side by side
 * with a generic FHIR server on this machine (bench/hapi-jpa.sh): the same ServiceRequest posted to each in turn.
 * JDK only: run with `java bench/IntakeBench.java` (see bench/README.md).
 */
public class IntakeBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /**
     * Where the machine's CPU goes: each component's processes, by how their command line names them (and the peer,
     * when there is one, by its process id).
     */
    static final Map<String, Predicate<ProcessHandle>> COMPONENTS = new LinkedHashMap<>();
    /** The components only Alongside runs: a peer scenario's "all" leaves them out, as Alongside's leaves out the peer. */
    static final Set<String> ALONGSIDE = Set.of("referral", "matching", "session", "outcomes", "broker");
    static final String PEER = "peer";

    static {
        for (String service : List.of("referral-service", "matching-service", "session-service", "outcomes-service")) {
            COMPONENTS.put(service.replace("-service", ""), command(command -> command.contains(service + "/target/")));
        }
        COMPONENTS.put("broker", command(command -> command.contains("kafka.Kafka")));
        COMPONENTS.put("postgres", command(command -> command.startsWith("postgres") || command.contains("/postgres ")));
    }

    static Predicate<ProcessHandle> command(Predicate<String> matches) {
        return process -> matches.test(process.info().commandLine().orElse(""));
    }

    /** A scenario's figures; {@code peer} says which system it measured, Alongside or the peer. */
    record Result(String name, boolean peer, int concurrency, long requests, long errors, double seconds,
            long[] latenciesNanos, Map<String, Double> cpuMillisPerRequest) {
        String row() {
            Arrays.sort(latenciesNanos);
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.1f | %.1f |", name, concurrency, requests,
                    errors, requests / seconds, percentile(latenciesNanos, 50), percentile(latenciesNanos, 99));
        }

        String cpuRow() {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d |", name, concurrency));
            cpuMillisPerRequest.values().forEach(ms -> row.append(String.format(Locale.ROOT, " %.2f |", ms)));
            return row.append(String.format(Locale.ROOT, " %.2f |", cpuMillisPerRequest.entrySet().stream()
                    .filter(e -> peer ? !ALONGSIDE.contains(e.getKey()) : !e.getKey().equals(PEER))
                    .mapToDouble(Map.Entry::getValue).sum())).toString();
        }
    }

    /** CPU time used so far by each component and by this client, in milliseconds (what /proc reports). */
    static Map<String, Double> cpuMillis() {
        Map<String, Double> used = new LinkedHashMap<>();
        COMPONENTS.keySet().forEach(component -> used.put(component, 0.0));
        ProcessHandle.allProcesses().forEach(process -> COMPONENTS.forEach((component, matches) -> {
            if (matches.test(process)) {
                used.merge(component, cpuOf(process), Double::sum);
            }
        }));
        used.put("client", cpuOf(ProcessHandle.current()));
        return used;
    }

    static double cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
    }

    public static void main(String[] args) throws Exception {
        String referral = System.getProperty("referral", "http://127.0.0.1:8081");
        String matching = System.getProperty("matching", "http://127.0.0.1:8082");
        Duration duration = Duration.ofSeconds(Long.getLong("seconds", 20));
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 5));
        int[] concurrencies = Arrays.stream(System.getProperty("concurrency", "4,8").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int e2eSamples = Integer.getInteger("e2e", 200);
        long pollNanos = Long.getLong("pollMicros", 500) * 1000;
        Path root = Path.of(System.getProperty("root", "."));
        String peer = System.getProperty("peer");
        String only = System.getProperty("only", "");
        int rounds = Integer.getInteger("rounds", 1);
        if (!only.isEmpty() && !(only.equals(PEER) && peer != null)) {
            throw new IllegalArgumentException("-Donly takes one value, peer, with -Dpeer=<its FHIR base URL>");
        }

        List<Result> results = new ArrayList<>();
        if (peer != null) {
            long pid = Long.getLong("peerPid", 0);
            long peerPid = pid > 0 ? pid : listeningPid(URI.create(peer).getPort());
            // the peer may be another build of referral-service: its CPU is the peer's, not referral's
            COMPONENTS.replaceAll((component, matches) -> process -> process.pid() != peerPid && matches.test(process));
            COMPONENTS.put(PEER, process -> process.pid() == peerPid);
            // a generic server ignores the token; another build of Alongside needs it
            String gp = token(root, "referrer", "--ods", "B82001");
            // -Dmessage=bars: a BaRS message to {base}/$process-message (another build of Alongside; HAPI has no
            // such operation), else a ServiceRequest to {base}/ServiceRequest
            boolean bars = System.getProperty("message", "").equals("bars");
            String path = bars ? "/$process-message" : "/ServiceRequest";
            String bundle = bars ? barsMessage(root) : null;
            IntFunction<HttpRequest> atPeer = i -> fhirPost(peer + path, gp, bars ? barsMessageFor(bundle)
                    : serviceRequestJson());
            IntFunction<HttpRequest> atAlongside = null;
            if (!only.equals(PEER)) {
                atAlongside = i -> fhirPost(referral + "/fhir" + path, gp, bars ? barsMessageFor(bundle)
                        : serviceRequestJson());
            }
            // rounds taking turns at each concurrency, so that both are measured in the same conditions
            for (int c : concurrencies) {
                for (int round = 0; round < rounds; round++) {
                    run("warm-up", true, atPeer, c, warmup);
                    results.add(run("peer POST " + path, true, atPeer, c, duration));
                    if (atAlongside != null) {
                        run("warm-up", false, atAlongside, c, warmup);
                        results.add(run("POST /fhir" + path, false, atAlongside, c, duration));
                    }
                }
            }
            print(results);
            return;
        }

        String coordinator = token(root, "coordinator");
        String gp = token(root, "referrer", "--ods", "B82001");
        String bundle = barsMessage(root);

        IntFunction<HttpRequest> rest = i -> HttpRequest.newBuilder(URI.create(referral + "/referrals"))
                .header("Authorization", "Bearer " + gp).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(referralJson())).build();
        IntFunction<HttpRequest> fhir = i -> fhirPost(referral + "/fhir/$process-message", gp, barsMessageFor(bundle));

        for (int c : concurrencies) {
            run("warm-up", false, rest, c, warmup);
            results.add(run("POST /referrals", false, rest, c, duration));
            run("warm-up", false, fhir, c, warmup);
            results.add(run("POST /fhir/$process-message (BaRS message)", false, fhir, c, duration));
        }
        print(results);
        System.out.println();
        System.out.println(endToEnd(referral, matching, coordinator, gp, e2eSamples, pollNanos));
    }

    static void print(List<Result> results) {
        System.out.println("| scenario | clients | requests | errors | requests/s | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        results.forEach(result -> System.out.println(result.row()));
        System.out.println();
        // Consumers keep working after the last response; what they do for these requests is counted when it happens
        // within the run, so a backlog shows as a lower figure here and a higher one in the next scenario.
        System.out.println("CPU per request, ms (each component's processes, during the scenario; \"all\" counts "
                + "the system measured, PostgreSQL and this client):");
        System.out.println("| scenario | clients | " + String.join(" | ", COMPONENTS.keySet()) + " | client | all |");
        System.out.println("|---|---|" + "---|".repeat(COMPONENTS.size() + 2));
        results.forEach(result -> System.out.println(result.cpuRow()));
    }

    static Result run(String name, boolean peer, IntFunction<HttpRequest> request, int concurrency, Duration duration)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> workers = new ArrayList<>();
        Map<String, Double> cpuBefore = cpuMillis();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                int i = 0;
                while (System.nanoTime() < end) {
                    HttpRequest req = request.apply(i++);
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - t0;
                    // a refused FHIR message is answered 200 with a fatal-error response message
                    if (response.statusCode() / 100 != 2 || response.body().contains("\"fatal-error\"")) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] part = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Map<String, Double> cpuPerRequest = new LinkedHashMap<>();
        int requests = Math.max(1, all.length);
        cpuMillis().forEach((component, used) ->
                cpuPerRequest.put(component, (used - cpuBefore.getOrDefault(component, 0.0)) / requests));
        return new Result(name, peer, concurrency, all.length, errors.get(), seconds, all, cpuPerRequest);
    }

    /**
     * Accept referrals that arrived earlier, one at a time, polling matching every pollNanos until each one's proposals
     * are visible. Each poll is an audited read, which competes with the matching it waits for.
     */
    static String endToEnd(String referral, String matching, String coordinator, String gp, int samples,
            long pollNanos) throws Exception {
        send(HttpRequest.newBuilder(URI.create(matching + "/peers")).header("Authorization", "Bearer " + coordinator)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"displayName": "Bench peer", "languages": ["en"], "settings": ["ONE_TO_ONE"], "media": ["IN_PERSON"],
                         "capacity": 50, "active": true, "livedExperience": [{"snomedCode": "44054006",
                         "display": "Type 2 diabetes mellitus", "kind": "PHYSICAL"}]}""")).build());
        // The referrals arrive first and are accepted later, one at a time, as a coordinator triages them: an accept
        // then follows nothing else of referral-service's, as it does in use, not its own referral's creation.
        String[] ids = new String[samples];
        for (int i = 0; i < samples; i++) {
            String created = send(HttpRequest.newBuilder(URI.create(referral + "/referrals"))
                    .header("Authorization", "Bearer " + gp).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(referralJson())).build()).body();
            Matcher m = ID.matcher(created);
            if (!m.find()) {
                throw new IllegalStateException("No referral id in " + created);
            }
            ids[i] = m.group(1);
        }
        long[] latencies = new long[samples];
        long[] answered = new long[samples];
        for (int i = 0; i < samples; i++) {
            HttpRequest proposals = HttpRequest.newBuilder(URI.create(matching + "/referrals/" + ids[i] + "/proposals"))
                    .header("Authorization", "Bearer " + coordinator).GET().build();
            long t0 = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(referral + "/referrals/" + ids[i] + "/accept"))
                    .header("Authorization", "Bearer " + coordinator).POST(HttpRequest.BodyPublishers.noBody()).build());
            answered[i] = System.nanoTime() - t0;
            while (HTTP.send(proposals, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                Thread.sleep(Duration.ofNanos(pollNanos));
            }
            latencies[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latencies);
        Arrays.sort(answered);
        return String.format(Locale.ROOT, "end to end, accept -> proposals visible (%d referrals): p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms (the accept itself answered: p50 %.1f ms, p99 %.1f ms)", samples,
                percentile(latencies, 50), percentile(latencies, 99), latencies[samples - 1] / 1e6,
                percentile(answered, 50), percentile(answered, 99));
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /**
     * Each referral is a different person, as in real intake: the same NHS number every time would make every
     * referral a possible duplicate of thousands of open ones, which no practice sends.
     */
    static String referralJson() {
        return """
                {"referrer": {"type": "GP_PRACTICE", "odsCode": "B82001"},
                 "person": {"nhsNumber": "%s", "givenName": "Bench", "familyName": "Mark",
                            "birthDate": "1966-05-01", "gender": "FEMALE", "postcode": "LS6 2AB", "language": "en"},
                 "conditions": [{"snomedCode": "44054006", "display": "Type 2 diabetes mellitus", "kind": "PHYSICAL"}],
                 "reason": "benchmark", "preferences": {"settings": ["ONE_TO_ONE"], "media": ["IN_PERSON"]},
                 "consent": {"peerSupport": true}, "imdDecile": 4}""".formatted(nhsNumber());
    }

    static String barsMessage(Path root) throws IOException {
        return Files.readString(root.resolve("referral-service/src/test/resources/fhir/bars-message-bundle.json"));
    }

    /**
     * The BaRS message with its own Bundle.id, ServiceRequest identifier and person: else the service (rightly)
     * answers it as a resend without creating anything.
     */
    static String barsMessageFor(String bundle) {
        return bundle.replace("REF-2026-000417", UUID.randomUUID().toString())
                .replace("7f7f2c4e-3f8e-4a7e-9a43-6c5f0d1b2a11", UUID.randomUUID().toString())
                .replace("9434765919", nhsNumber());
    }

    static HttpRequest fhirPost(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * What the side-by-side scenario posts, to the peer and to Alongside alike: a ServiceRequest with its Patient (a
     * different person each time) and Condition contained, and its own identifier, which Alongside would otherwise
     * (rightly) answer as a resend.
     */
    static String serviceRequestJson() {
        return """
                {"resourceType": "ServiceRequest",
                 "contained": [
                  {"resourceType": "Patient", "id": "patient",
                   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
                   "name": [{"family": "Mark", "given": ["Bench"]}], "gender": "female", "birthDate": "1966-05-01",
                   "address": [{"postalCode": "LS6 2AB"}]},
                  {"resourceType": "Condition", "id": "condition",
                   "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006",
                                        "display": "Type 2 diabetes mellitus"}]},
                   "subject": {"reference": "#patient"}}],
                 "identifier": [{"system": "https://gp.example.nhs.uk/Id/referral", "value": "%s"}],
                 "status": "active", "intent": "order", "subject": {"reference": "#patient"},
                 "requester": {"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "B82001"}},
                 "reasonReference": [{"reference": "#condition"}],
                 "note": [{"text": "benchmark"}]}""".formatted(nhsNumber(), UUID.randomUUID());
    }

    /** A random NHS number with a valid modulus-11 check digit. */
    static String nhsNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = random.nextInt(10);
                digits.append(digit);
                sum += digit * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return digits.append(check == 11 ? 0 : check).toString();
            }
        }
    }

    static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    /**
     * The process listening on a TCP port of this machine, from /proc (Linux): the listening socket's inode in
     * /proc/net/tcp or tcp6, then the process holding a descriptor for it.
     */
    static long listeningPid(int port) throws IOException {
        Set<String> sockets = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.isReadable(Path.of(table)) ? Files.readAllLines(Path.of(table)) : List.of();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                // sl, local address (hex ip:port), remote address, state (0A: listening), ..., inode (the tenth)
                String[] fields = line.trim().split("\\s+");
                String local = fields[1];
                if (fields[3].equals("0A") && Integer.parseInt(local.substring(local.indexOf(':') + 1), 16) == port) {
                    sockets.add("socket:[" + fields[9] + "]");
                }
            }
        }
        if (!sockets.isEmpty()) {
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
                        for (Path descriptor : descriptors) {
                            if (sockets.contains(Files.readSymbolicLink(descriptor).toString())) {
                                return Long.parseLong(process.getFileName().toString());
                            }
                        }
                    } catch (IOException | DirectoryIteratorException e) {
                        // a process that ended meanwhile, or one we may not look into
                    }
                }
            }
        }
        throw new IllegalStateException("No process of this machine listens on port " + port
                + ": start the peer (bench/hapi-jpa.sh start) or name it with -DpeerPid=<pid>");
    }

    static String token(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("deploy/local/token").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("token failed: " + out);
        }
        return out;
    }
}
