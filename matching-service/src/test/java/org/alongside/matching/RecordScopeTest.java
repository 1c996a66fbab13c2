package org.alongside.matching;

import static io.restassured.RestAssured.given;
import static org.alongside.matching.MatchingTestSupport.DIABETES;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.asSupervisor;
import static org.alongside.matching.MatchingTestSupport.assignSupervisor;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.alongside.matching.MatchingTestSupport.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Record scope, read by id: a peer worker reads only their own profile, a supervisor only the profiles of the peers
 * they supervise (a profile holds the peer's own lived experience). Anything else is 404, as if absent.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_matching_test"))
class RecordScopeTest {

    @Test
    void onePeerOrSupervisorReadingAnothersProfileById404s() {
        String supervisor = "sue-" + UUID.randomUUID() + "@trust.nhs.uk";
        String mine = createPeer(peer("Dee", List.of(DIABETES), List.of("TELEPHONE"), 2));
        assignSupervisor(mine, supervisor, OffsetDateTime.now());
        String theirs = createPeer(peer("Eli", List.of(DIABETES), List.of("TELEPHONE"), 2));
        assignSupervisor(theirs, "bob-" + UUID.randomUUID() + "@trust.nhs.uk", OffsetDateTime.now());

        given().header("Authorization", Tokens.bearer(Tokens.peerWorker(UUID.fromString(mine))))
                .get("/peers/" + theirs).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.peerWorker(UUID.fromString(mine))))
                .get("/peers/" + mine).then().statusCode(200);

        asSupervisor(supervisor).get("/peers/" + mine).then().statusCode(200);
        asSupervisor(supervisor).get("/peers/" + theirs).then().statusCode(404).contentType("application/problem+json");
        asSupervisor(supervisor).get("/peers?size=200").then().statusCode(200).body("items.id", contains(mine));
        // a supervisor whose subject is no peer's supervisor sees no profile
        as("supervisor").get("/peers/" + mine).then().statusCode(404);
        as("supervisor").get("/peers").then().statusCode(200).body("items", hasSize(0));
        as("coordinator").get("/peers/" + theirs).then().statusCode(200);
    }
}
