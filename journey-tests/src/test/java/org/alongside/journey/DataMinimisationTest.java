package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.Databases;
import org.alongside.platform.testing.EventContracts;
import org.alongside.platform.testing.EventProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After a whole journey for a person with a distinctive name, NHS number and postcode: personal identity lives only in
 * referral-service (none of it appears in any event, any service's log, or any table of the other services'
 * databases), and every event on every topic is one an integrator's standard tools take unchanged (the official
 * CloudEvents SDK reads it, and its data keeps to the JSON Schema its producer serves at its dataschema).
 */
class DataMinimisationTest {

    private static final String GIVEN = "Philomena";
    private static final String FAMILY = "Zzyzx-Quernby";
    private static final String NHS = "4010232137";
    private static final String POSTCODE = "ZE2 9XJ";
    private static final List<String> IDENTITY = List.of(GIVEN, FAMILY, NHS, "401 023 2137", POSTCODE);

    private static final Suite suite = Suite.get();

    @BeforeAll
    static void journey() throws Exception {
        UUID peer = Journeys.createPeer(suite, "86406008", "HIV infection", 2);
        Map<String, Object> body = new java.util.HashMap<>(Journeys.referral(GIVEN, "401 023 2137", POSTCODE,
                "86406008", "HIV infection"));
        body.put("person", Map.of("nhsNumber", "401 023 2137", "givenName", GIVEN, "familyName", FAMILY,
                "birthDate", "1977-08-19", "postcode", POSTCODE));
        String referralId = Journeys.refer(suite, body);
        Journeys.accept(suite, referralId);
        await().atMost(Duration.ofSeconds(60)).until(() -> Journeys.proposalsStatus(suite, referralId) == 200
                && !Journeys.proposals(suite, referralId).getList("proposals").isEmpty());
        String proposalId = Journeys.proposals(suite, referralId).getString("proposals.find { it.peerId == '"
                + peer + "' }.id");
        suite.as(MATCHING, "coordinator").post("/proposals/" + proposalId + "/accept").then().statusCode(200);
        Map<String, Object> session = Map.of("referralId", referralId, "peerId", peer.toString(),
                "startedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).toString(), "durationMinutes", 30,
                "medium", "TELEPHONE", "attendance", "ATTENDED", "focus", List.of("EMOTIONAL_SUPPORT"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> suite.asPeer(SESSION, peer).body(session).post("/sessions").statusCode() == 201);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ACTIVE".equals(Journeys.status(suite, referralId)));
    }

    @Test
    void identityAppearsNowhereButReferralService() throws Exception {
        List<String> leaks = new ArrayList<>();
        try (EventProbe probe = new EventProbe(suite.broker.bootstrapServers(), Topics.ALL.toArray(String[]::new))) {
            probe.all(Duration.ofSeconds(3)).forEach(record -> {
                String text = String.valueOf(record.value());
                IDENTITY.stream().filter(text::contains)
                        .forEach(found -> leaks.add("event on " + record.topic() + " contains " + found));
            });
        }
        Path logs = Path.of(System.getProperty("alongside.root", "..")).resolve("journey-tests/target/service-logs");
        for (Suite.Service service : Suite.Service.values()) {
            String log = Files.readString(logs.resolve(service.module + ".log"), StandardCharsets.UTF_8);
            IDENTITY.stream().filter(log::contains)
                    .forEach(found -> leaks.add(service.module + " log contains " + found));
        }
        for (Suite.Service service : List.of(Suite.Service.MATCHING, Suite.Service.SESSION, Suite.Service.OUTCOMES)) {
            try (Connection db = DriverManager.getConnection(Databases.jdbcUrl(service.database()), Databases.USER, "");
                 Statement statement = db.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                        while (rows.next()) {
                            String row = rows.getString(1);
                            IDENTITY.stream().filter(row::contains).forEach(found ->
                                    leaks.add(service.database() + "." + table + " contains " + found));
                        }
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    @Test
    void everyEventIsReadByTheCloudEventsSdkAndKeepsToTheSchemaItsDataschemaNames() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> readByType = new TreeMap<>();
        Map<String, String> served = new HashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        int records;
        try (EventProbe probe = new EventProbe(suite.broker.bootstrapServers(), Topics.ALL.toArray(String[]::new))) {
            List<EventProbe.SdkRead> reads = probe.readWithSdk(Duration.ofSeconds(3));
            records = reads.size();
            for (EventProbe.SdkRead read : reads) {
                CloudEvent event = read.event();
                if (event == null) {
                    failures.add(read.where() + ": the CloudEvents SDK could not read it: " + read.failure());
                    continue;
                }
                readByType.merge(event.getType() + " " + event.getDataSchema(), 1, Integer::sum);
                // the producer serves each schema at the event's dataschema, as its $id
                String url = event.getDataSchema().toString();
                String schema = served.computeIfAbsent(url, u -> get(http, u));
                if (!url.equals(JsonPath.from(schema).getString("$id"))) {
                    failures.add(read.where() + ": " + url + " serves a schema whose $id is not that URL");
                    continue;
                }
                String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
                EventContracts.violations(schema, data).forEach(violation ->
                        failures.add(read.where() + " " + event.getType() + " data " + violation));
                String envelope = event.getDataSchema().resolve("/events/schemas/envelope").toString();
                // the whole value against the producer's envelope schema, its data schemas fetched from their URLs
                EventContracts.violations(served.computeIfAbsent(envelope, u -> get(http, u)),
                        new String(read.record().value(), StandardCharsets.UTF_8),
                        ref -> ref.startsWith(base(event)) ? served.computeIfAbsent(ref, u -> get(http, u)) : null)
                        .forEach(violation ->
                        failures.add(read.where() + " " + event.getType() + " envelope " + violation));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + records + " records fail:\n"
                + String.join("\n", failures));
        Set<String> types = new TreeSet<>();
        readByType.keySet().forEach(typeAndSchema -> types.add(typeAndSchema.split(" ")[0]));
        assertTrue(types.containsAll(List.of("referral.received", "referral.accepted", "match.proposed",
                "match.accepted", "session.recorded")), "the journey's event types, each read: " + readByType);
    }

    /** Where the event's producer serves its schemas: its dataschema's scheme and authority. */
    private static String base(CloudEvent event) {
        URI dataschema = event.getDataSchema();
        return dataschema.getScheme() + "://" + dataschema.getRawAuthority() + "/";
    }

    private static String get(HttpClient http, String url) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError(url + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(url + " does not resolve", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
