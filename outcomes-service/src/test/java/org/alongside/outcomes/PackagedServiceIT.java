package org.alongside.outcomes;

import static io.restassured.RestAssured.given;
import static org.alongside.outcomes.OutcomesTestSupport.accepted;
import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.alongside.outcomes.OutcomesTestSupport.countsFor;
import static org.alongside.outcomes.OutcomesTestSupport.matchAccepted;
import static org.alongside.outcomes.OutcomesTestSupport.received;
import static org.alongside.outcomes.OutcomesTestSupport.session;
import static org.alongside.platform.events.EventTypes.MATCH_ACCEPTED;
import static org.alongside.platform.events.EventTypes.REFERRAL_ACCEPTED;
import static org.alongside.platform.events.EventTypes.REFERRAL_RECEIVED;
import static org.alongside.platform.events.EventTypes.SESSION_RECORDED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.AotTrainingRun;
import org.alongside.platform.testing.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, as the images and the local stack run it, counts journeys from the events it consumes and
 * shows them on the commissioner's dashboard. It is also the AOT cache's training run (docs/performance.md): the
 * JVM records what it loads, links and profiles, and writes target/quarkus-app/app.aot from it as it stops.
 */
class PackagedServiceIT {

    /** A multiple of 5, so the dashboard's disclosure control (on here, as in production) shows it unrounded. */
    private static final int ROUNDS = 20;
    private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

    private static AotTrainingRun service;

    @BeforeAll
    static void start() {
        service = AotTrainingRun.start("alongside_outcomes_it");
    }

    @AfterAll
    static void writeTheCache() {
        service.close();
    }

    @Test
    void journeysFromEventsAppearOnTheDashboard() {
        OffsetDateTime receivedAt = OffsetDateTime.parse("2025-06-02T09:00:00Z");
        for (int round = 0; round < ROUNDS; round++) {
            UUID referral = UUID.randomUUID();
            UUID peer = UUID.randomUUID();
            TestEvents.publish(REFERRAL_RECEIVED, referral, received(referral, receivedAt));
            TestEvents.publish(REFERRAL_ACCEPTED, referral, accepted(referral, receivedAt, receivedAt.plusDays(1)));
            TestEvents.publish(MATCH_ACCEPTED, referral, matchAccepted(referral, peer, receivedAt.plusDays(5)));
            TestEvents.publish(SESSION_RECORDED, referral, session(referral, UUID.randomUUID(), peer,
                    receivedAt.plusDays(12), "ATTENDED", receivedAt.plusDays(12).plusHours(2)));
            as("commissioner").get("/dashboard/summary").then().statusCode(200);
        }
        Map<String, Long> expected = Map.of("referralsReceived", (long) ROUNDS, "referralsAccepted", (long) ROUNDS,
                "referralsMatched", (long) ROUNDS, "sessionsRecorded", (long) ROUNDS, "sessionsAttended", (long) ROUNDS);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, Long> shown = countsFor(DAY, DAY);
            expected.forEach((count, value) -> assertEquals(value, shown.get(count), count));
        });
        for (String breakdown : new String[] {"conditionGroup", "ageBand", "referrerOrganisation"}) {
            as("commissioner").queryParam("groupBy", breakdown).get("/dashboard/summary").then().statusCode(200);
        }
        given().get("/q/openapi").then().statusCode(200);
    }
}
