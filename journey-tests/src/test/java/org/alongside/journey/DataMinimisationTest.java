package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.Databases;
import org.alongside.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

/**
 * Personal identity lives only in referral-service: after a whole journey for a person with a distinctive name,
 * NHS number and postcode, none of them appears in any event, any service's log, or any table of the other
 * services' databases.
 */
class DataMinimisationTest {

    private static final String GIVEN = "Philomena";
    private static final String FAMILY = "Zzyzx-Quernby";
    private static final String NHS = "4010232137";
    private static final String POSTCODE = "ZE2 9XJ";
    private static final List<String> IDENTITY = List.of(GIVEN, FAMILY, NHS, "401 023 2137", POSTCODE);

    private final Suite suite = Suite.get();

    @Test
    void identityAppearsNowhereButReferralService() throws Exception {
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
}
