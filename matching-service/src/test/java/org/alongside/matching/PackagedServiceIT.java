package org.alongside.matching;

import static io.restassured.RestAssured.given;
import static org.alongside.matching.MatchingTestSupport.DEPRESSION;
import static org.alongside.matching.MatchingTestSupport.DIABETES;
import static org.alongside.matching.MatchingTestSupport.acceptReferral;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.alongside.matching.MatchingTestSupport.proposalsOnceKnown;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.testing.AotTrainingRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, as the images and the local stack run it, proposes peers for accepted referrals it hears
 * of on Kafka and records the person's choice. It is also the AOT cache's training run (docs/performance.md): the
 * JVM records what it loads, links and profiles, and writes target/quarkus-app/app.aot from it as it stops.
 */
class PackagedServiceIT {

    private static final int ROUNDS = 20;

    private static AotTrainingRun service;

    @BeforeAll
    static void start() {
        service = AotTrainingRun.start("alongside_matching_it");
    }

    @AfterAll
    static void writeTheCache() {
        service.close();
    }

    @Test
    void proposesForAcceptedReferralsAndRecordsTheChoice() {
        for (int round = 0; round < ROUNDS; round++) {
            String peer = createPeer(peer("Peer " + round, List.of(DIABETES), List.of("IN_PERSON"), 1));
            UUID referral = acceptReferral(List.of(DIABETES, DEPRESSION), null, List.of("ONE_TO_ONE"), "en");
            JsonPath shortlist = proposalsOnceKnown(referral);
            String proposal = shortlist.getString("proposals.find { it.peerId == '" + peer + "' }.id");
            as("coordinator").post("/proposals/" + proposal + "/accept").then().statusCode(200)
                    .body("status", equalTo("ACCEPTED"));
            as("coordinator").get("/peers/" + peer).then().statusCode(200).body("activeClients", equalTo(1));
            as("coordinator").get("/peers").then().statusCode(200);
        }
        given().get("/q/openapi").then().statusCode(200);
    }
}
