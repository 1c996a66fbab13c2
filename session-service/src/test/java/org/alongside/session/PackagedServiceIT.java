package org.alongside.session;

import static io.restassured.RestAssured.given;
import static org.alongside.session.SessionTestSupport.NOTES;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.publishMatch;
import static org.alongside.session.SessionTestSupport.recordOnceMatched;
import static org.alongside.session.SessionTestSupport.session;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.testing.AotTrainingRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, as the images and the local stack run it, learns of matches on Kafka and lets the matched
 * peer record sessions. It is also the AOT cache's training run (docs/performance.md): the JVM records what it
 * loads, links and profiles, and writes target/quarkus-app/app.aot from it as it stops.
 */
class PackagedServiceIT {

    private static final int ROUNDS = 20;

    private static AotTrainingRun service;

    @BeforeAll
    static void start() {
        service = AotTrainingRun.start("alongside_session_it");
    }

    @AfterAll
    static void writeTheCache() {
        service.close();
    }

    @Test
    void theMatchedPeerRecordsSessions() {
        for (int round = 0; round < ROUNDS; round++) {
            UUID referral = UUID.randomUUID();
            UUID peer = UUID.randomUUID();
            publishMatch(referral, peer, OffsetDateTime.now().minusDays(3));
            String id = recordOnceMatched(() -> asPeer(peer), session(referral, peer)).path("id");
            asPeer(peer).get("/sessions/" + id).then().statusCode(200).body("notes", equalTo(NOTES));
            asPeer(peer).get("/sessions?referralId=" + referral).then().statusCode(200);
            as("coordinator").get("/sessions/" + id).then().statusCode(200);
        }
        given().get("/q/openapi").then().statusCode(200);
    }
}
