package org.alongside.matching;

import static org.alongside.matching.MatchingTestSupport.DIABETES;
import static org.alongside.matching.MatchingTestSupport.WAIT;
import static org.alongside.matching.MatchingTestSupport.acceptedV2;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.isolate;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.alongside.matching.MatchingTestSupport.proposals;
import static org.alongside.matching.MatchingTestSupport.proposalsOnceKnown;
import static org.alongside.matching.MatchingTestSupport.publish;
import static org.alongside.matching.MatchingTestSupport.with;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.referrals.ReferralAcceptedV2;
import org.alongside.platform.events.referrals.ReferralUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the person brings, from referral.accepted version 2 and referral.updated: settings and media, ethnicity and
 * faith, availability and experiences reach the scores, the hard constraints and the peers' boundaries.
 */
@QuarkusTest
class PersonNeedsTest {

    private static final List<Map<String, String>> MONDAY_MORNING = List.of(Map.of("day", "MONDAY", "part", "MORNING"));

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void onlyThisTestsPeersAndReferrals() throws SQLException {
        isolate(dataSource);
    }

    @Test
    void eachFactTheReferralBringsScoresWithItsReasonAndACorrectionCrossesAPeersBoundary() {
        Map<String, Object> amina = with(with(with(with(peer("Amina", List.of(DIABETES), List.of("TELEPHONE"), 3),
                "ethnicity", "J"), "faith", "MUSLIM"), "availability", MONDAY_MORNING),
                "boundaries", Map.of("experiences", List.of("Recent bereavement")));
        String aminaId = createPeer(amina);
        // offers only in-person support: not the person's medium, so never proposed
        createPeer(peer("Bo", List.of(DIABETES), List.of("IN_PERSON"), 3));

        UUID referralId = UUID.randomUUID();
        Map<String, Object> data = acceptedV2(referralId, List.of(DIABETES), null, List.of("ONE_TO_ONE"),
                List.of("TELEPHONE"));
        data.put("ethnicity", "J");
        data.put("faith", "MUSLIM");
        data.put("availability", MONDAY_MORNING);
        data.put("experiences", List.of("carer"));
        preferences(data).put("sharedCultureOrLanguage", true);
        publish(ReferralAcceptedV2.class, referralId, data);

        JsonPath shortlist = proposalsOnceKnown(referralId);
        assertEquals(List.of(aminaId), shortlist.getList("proposals.peerId"));
        assertEquals(100, shortlist.getInt("proposals[0].score"));
        assertEquals(List.of("SHARED_CONDITION", "SHARED_CONDITION_WISH", "SHARED_CULTURE_OR_LANGUAGE_WISH",
                        "LANGUAGE", "CULTURE", "SUPPORT", "AVAILABILITY", "EXPERIENCES"),
                shortlist.getList("proposals[0].reasons.factor"));
        assertEquals(List.of("both live with Type 2 diabetes mellitus",
                        "the person asked for a peer who shares their condition",
                        "the person asked for a peer who shares their culture or language",
                        "speaks the person's language (en)",
                        "shares the person's ethnic category (J) and faith (muslim)",
                        "offers one-to-one and telephone support, as preferred",
                        "both free on Monday morning",
                        "both have lived experience of carer"),
                shortlist.getList("proposals[0].reasons.detail"));

        // a correction: the person was recently bereaved, which Amina prefers not to support
        Map<String, Object> corrected = new HashMap<>(data);
        corrected.remove("acceptedAt");
        corrected.remove("receivedAt");
        corrected.put("experiences", List.of("carer", "recent bereavement"));
        corrected.put("updatedAt", "2026-01-07T10:00:00Z");
        publish(ReferralUpdated.class, referralId, corrected);

        await().atMost(WAIT).until(() -> "WAITING".equals(proposals(referralId).getString("status")));
        JsonPath waiting = proposals(referralId);
        assertEquals(List.of("WITHDRAWN"), waiting.getList("proposals.status"));
        assertThat(waiting.getString("waitingReason"), containsString("1 proposal withdrawn. "));
        assertThat(waiting.getString("waitingReason"), containsString("1 offering none of the preferred media "
                + "(telephone)"));

        // someone else referred with the same experience is never proposed to her at all
        UUID another = UUID.randomUUID();
        Map<String, Object> bereaved = new HashMap<>(data);
        bereaved.put("referralId", another.toString());
        bereaved.put("experiences", List.of("Recent bereavement"));
        publish(ReferralAcceptedV2.class, another, bereaved);
        assertThat(proposalsOnceKnown(another).getString("waitingReason"),
                containsString("1 whose boundaries exclude the person's experience"));
    }

    @Test
    void aCorrectionScoresOpenProposalsAgain() {
        String cy = createPeer(with(peer("Cy", List.of(DIABETES), List.of("TELEPHONE"), 3),
                "availability", MONDAY_MORNING));
        UUID referralId = UUID.randomUUID();
        Map<String, Object> data = acceptedV2(referralId, List.of(DIABETES), null, List.of(), List.of());
        publish(ReferralAcceptedV2.class, referralId, data);
        JsonPath before = proposalsOnceKnown(referralId);
        assertEquals(List.of(cy), before.getList("proposals.peerId"));
        int score = before.getInt("proposals[0].score");

        Map<String, Object> corrected = new HashMap<>(data);
        corrected.remove("acceptedAt");
        corrected.remove("receivedAt");
        corrected.put("availability", MONDAY_MORNING);
        publish(ReferralUpdated.class, referralId, corrected);

        await().atMost(WAIT).until(() -> proposals(referralId).getInt("proposals[0].score") == score + 5);
        JsonPath after = proposals(referralId);
        assertEquals("PROPOSED", after.getString("proposals[0].status"));
        assertEquals(before.getString("proposals[0].id"), after.getString("proposals[0].id"));
        assertEquals("both free on Monday morning", after.getString("proposals[0].reasons.find { it.factor == "
                + "'AVAILABILITY' }.detail"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> preferences(Map<String, Object> data) {
        return (Map<String, Object>) data.get("preferences");
    }
}
