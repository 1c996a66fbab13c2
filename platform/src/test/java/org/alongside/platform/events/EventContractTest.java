package org.alongside.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.events.matches.MatchDeclined;
import org.alongside.platform.events.matches.MatchEnded;
import org.alongside.platform.events.matches.MatchProposed;
import org.alongside.platform.events.outcomes.Classification;
import org.alongside.platform.events.outcomes.OutcomeRecorded;
import org.alongside.platform.events.outcomes.RiskFlagged;
import org.alongside.platform.events.outcomes.Timepoint;
import org.alongside.platform.events.referrals.Condition;
import org.alongside.platform.events.referrals.ConditionKind;
import org.alongside.platform.events.referrals.Gender;
import org.alongside.platform.events.referrals.ReferralAccepted;
import org.alongside.platform.events.referrals.ReferralClosed;
import org.alongside.platform.events.referrals.ReferralConsentWithdrawn;
import org.alongside.platform.events.referrals.ReferralDeclined;
import org.alongside.platform.events.referrals.ReferralErased;
import org.alongside.platform.events.referrals.ReferralReceived;
import org.alongside.platform.events.referrals.ReferralStatus;
import org.alongside.platform.events.referrals.ReferralWithdrawn;
import org.alongside.platform.events.referrals.ReferrerType;
import org.alongside.platform.events.referrals.SupportFormat;
import org.alongside.platform.events.sessions.Focus;
import org.alongside.platform.events.sessions.GoalUpdated;
import org.alongside.platform.events.sessions.SafeguardingRaised;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.alongside.platform.events.sessions.SignpostingUpdated;
import org.alongside.platform.events.staff.SupervisionRecorded;
import org.junit.jupiter.api.Test;

/**
 * The event contract: one record for every event type and version, and each record's JSON as the services published
 * their own copies of it (field names and order), so no consumer, test or document saw a change when the platform
 * took the contract over; since the outbox leaves nulls out, an optional field without a value is absent.
 */
class EventContractTest {

    // As Quarkus configures the services' mapper, for what these records use, and as the outbox writes event data:
    // optional fields absent, never null.
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID PEER = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-01T10:00:00Z");
    private static final String R = "\"referralId\":\"00000000-0000-0000-0000-000000000001\"";
    private static final String I = "\"00000000-0000-0000-0000-000000000002\"";
    private static final String P = "\"00000000-0000-0000-0000-000000000003\"";
    private static final String T = "\"2026-03-01T10:00:00Z\"";

    @Test
    void everyEventTypeHasARecordPerVersionAndEveryRecordATypeWithATopic() throws Exception {
        Map<String, Set<Integer>> versionsByType = new TreeMap<>();
        for (EventSpec<?> spec : EventCatalog.all()) {
            assertTrue(versionsByType.computeIfAbsent(spec.type(), type -> new TreeSet<>()).add(spec.version()),
                    spec.type() + " version " + spec.version() + " has two records");
            assertNotNull(spec.topic());
            assertEquals("http://localhost:8081/events/schemas/" + spec.type() + "/" + spec.version(),
                    spec.dataschema("http://localhost:8081"));
        }
        Set<String> types = new TreeSet<>();
        for (var field : EventTypes.class.getFields()) {
            types.add((String) field.get(null));
        }
        assertEquals(types, versionsByType.keySet());
        versionsByType.forEach((type, versions) -> assertEquals(1, versions.iterator().next(), type));
    }

    @Test
    void aRecordSaysWhenItsEventHappenedOrLeavesItToTheEnvelope() {
        assertEquals("acceptedAt", EventSpec.of(ReferralAccepted.class).timeField());
        assertEquals(AT, EventSpec.of(MatchEnded.class).time(new MatchEnded(REFERRAL, PEER, "GOALS_MET", AT)));
        // completion is not when the measure was recorded: the envelope says that
        assertNull(EventSpec.of(OutcomeRecorded.class).timeField());
    }

    @Test
    void onlyAnnotatedRecordsAreEventData() {
        record Unannotated(UUID referralId) implements EventData {
        }
        assertThrows(IllegalArgumentException.class, () -> EventSpec.of(Unannotated.class));
    }

    @Test
    void referralEventsKeepTheirJson() throws Exception {
        Condition coded = new Condition("44054006", "Type 2 diabetes mellitus", ConditionKind.PHYSICAL);
        String condition = "{\"snomedCode\":\"44054006\",\"display\":\"Type 2 diabetes mellitus\","
                + "\"kind\":\"PHYSICAL\"}";
        assertJson("{" + R + ",\"referrerType\":\"GP_PRACTICE\",\"referrerOdsCode\":\"B82001\","
                + "\"referrerOrganisationName\":\"Beech Tree Surgery\",\"conditions\":["
                + condition + "],\"ageBand\":\"55-64\",\"gender\":\"FEMALE\",\"imdDecile\":2,\"receivedAt\":" + T + "}",
                new ReferralReceived(REFERRAL, ReferrerType.GP_PRACTICE, "B82001", "Beech Tree Surgery", List.of(coded),
                        "55-64", Gender.FEMALE, 2, AT));
        assertJson("{" + R + ",\"referrerType\":\"SELF\",\"conditions\":[],"
                + "\"receivedAt\":" + T + "}",
                new ReferralReceived(REFERRAL, ReferrerType.SELF, null, null, List.of(), null, null, null, AT));

        assertJson("{" + R + ",\"conditions\":[" + condition + "],\"preferences\":{\"peerGender\":\"FEMALE\","
                + "\"formats\":[\"ONE_TO_ONE\",\"TELEPHONE\"],\"sharedCondition\":true},"
                + "\"language\":\"en\",\"interpreterNeeded\":false,\"ageBand\":\"55-64\",\"gender\":\"FEMALE\","
                + "\"locality\":\"LS6\",\"imdDecile\":2,\"receivedAt\":" + T + ",\"acceptedAt\":" + T + "}",
                new ReferralAccepted(REFERRAL, List.of(coded), new ReferralAccepted.Preferences(Gender.FEMALE,
                        List.of(SupportFormat.ONE_TO_ONE, SupportFormat.TELEPHONE), true, null), "en", false,
                        "55-64", Gender.FEMALE, "LS6", 2, AT, AT));
        assertJson("{" + R + ",\"conditions\":[],\"interpreterNeeded\":true,"
                + "\"receivedAt\":" + T
                + ",\"acceptedAt\":" + T + "}",
                new ReferralAccepted(REFERRAL, List.of(), null, null, true, null, null, null, null, AT, AT));
        assertJson("{" + R + ",\"conditions\":[],\"interpreterNeeded\":false,"
                + "\"receivedAt\":" + T
                + ",\"acceptedAt\":" + T + ",\"culture\":\"Polish\",\"availability\":[{\"day\":\"MONDAY\","
                + "\"part\":\"EVENING\"}],\"experiences\":[\"carer\"]}",
                new ReferralAccepted(REFERRAL, List.of(), null, null, false, null, null, null, null, AT, AT, "Polish",
                        List.of(new ReferralAccepted.Slot(DayOfWeek.MONDAY, ReferralAccepted.Slot.PartOfDay.EVENING)),
                        List.of("carer")));

        assertJson("{" + R + ",\"reason\":\"NOT_ELIGIBLE\",\"declinedAt\":" + T + "}",
                new ReferralDeclined(REFERRAL, "NOT_ELIGIBLE", AT));
        assertJson("{" + R + ",\"reason\":\"PERSON_REQUEST\",\"fromStatus\":\"ACCEPTED\",\"withdrawnAt\":" + T + "}",
                new ReferralWithdrawn(REFERRAL, "PERSON_REQUEST", ReferralStatus.ACCEPTED, AT));
        assertJson("{" + R + ",\"reason\":\"GOALS_MET\",\"closedAt\":" + T + "}",
                new ReferralClosed(REFERRAL, "GOALS_MET", AT));
        assertJson("{" + R + ",\"fromStatus\":\"ACTIVE\",\"withdrawnAt\":" + T + "}",
                new ReferralConsentWithdrawn(REFERRAL, ReferralStatus.ACTIVE, AT));
        assertJson("{" + R + ",\"status\":\"CLOSED\",\"endedAt\":" + T + ",\"erasedAt\":" + T + "}",
                new ReferralErased(REFERRAL, ReferralStatus.CLOSED, AT, AT));
    }

    @Test
    void matchEventsKeepTheirJson() throws Exception {
        assertJson("{" + R + ",\"proposals\":[{\"proposalId\":" + I + ",\"peerId\":" + P + ",\"rank\":1,\"score\":70}],"
                + "\"proposedAt\":" + T + "}",
                new MatchProposed(REFERRAL, List.of(new MatchProposed.Item(ID, PEER, 1, 70)), AT));
        assertJson("{" + R + ",\"proposalId\":" + I + ",\"peerId\":" + P + ",\"score\":70,\"acceptedAt\":" + T + "}",
                new MatchAccepted(REFERRAL, ID, PEER, 70, null, AT));
        assertJson("{" + R + ",\"proposalId\":" + I + ",\"peerId\":" + P + ",\"score\":70,"
                + "\"sharedLivedExperience\":\"CONDITION_GROUP\",\"acceptedAt\":" + T + "}",
                new MatchAccepted(REFERRAL, ID, PEER, 70, MatchAccepted.SharedLivedExperience.CONDITION_GROUP, AT));
        assertJson("{" + R + ",\"proposalId\":" + I + ",\"peerId\":" + P + ",\"reason\":\"PERSON_DECLINED\","
                + "\"declinedAt\":" + T + "}", new MatchDeclined(REFERRAL, ID, PEER, "PERSON_DECLINED", AT));
        assertJson("{" + R + ",\"peerId\":" + P + ",\"reason\":\"GOALS_MET\",\"endedAt\":" + T + "}",
                new MatchEnded(REFERRAL, PEER, "GOALS_MET", AT));
    }

    @Test
    void sessionEventsKeepTheirJsonLeavingOutWhatIsEmpty() throws Exception {
        assertJson("{\"sessionId\":" + I + "," + R + ",\"peerId\":" + P + ",\"startedAt\":" + T
                + ",\"durationMinutes\":45,\"format\":\"IN_PERSON\",\"attendance\":\"ATTENDED\","
                + "\"focus\":[\"DAILY_MANAGEMENT\"],\"recordedAt\":" + T + ",\"kind\":\"ONE_TO_ONE\","
                + "\"status\":\"RECORDED\",\"version\":1,\"placeType\":\"HOME\",\"sharedLivedExperience\":true}",
                new SessionRecorded(ID, REFERRAL, PEER, AT, 45, SessionRecorded.Format.IN_PERSON,
                        SessionRecorded.Attendance.ATTENDED, List.of(Focus.DAILY_MANAGEMENT), AT,
                        SessionRecorded.Kind.ONE_TO_ONE, SessionRecorded.Status.RECORDED, 1,
                        SessionRecorded.PlaceType.HOME, true, null, null));
        assertJson("{\"sessionId\":" + I + "," + R + ",\"startedAt\":" + T + ",\"durationMinutes\":0,"
                + "\"format\":\"VIDEO\",\"attendance\":\"DID_NOT_ATTEND\",\"focus\":[],\"recordedAt\":" + T
                + ",\"kind\":\"GROUP\",\"status\":\"RECORDED\",\"version\":2,\"groupId\":" + P + ",\"meetingId\":" + I
                + "}",
                new SessionRecorded(ID, REFERRAL, null, AT, 0, SessionRecorded.Format.VIDEO,
                        SessionRecorded.Attendance.DID_NOT_ATTEND, List.of(), AT, SessionRecorded.Kind.GROUP,
                        SessionRecorded.Status.RECORDED, 2, null, null, PEER, ID));
        assertJson("{\"goalId\":" + I + "," + R + ",\"focus\":\"EMOTIONAL_SUPPORT\",\"status\":\"IN_PROGRESS\","
                + "\"created\":false,\"updatedAt\":" + T + "}",
                new GoalUpdated(ID, REFERRAL, Focus.EMOTIONAL_SUPPORT, GoalUpdated.Status.IN_PROGRESS, null, null,
                        false, AT));
        assertJson("{\"concernId\":" + I + "," + R + ",\"peerId\":" + P + ",\"category\":\"SELF_NEGLECT\","
                + "\"immediateRisk\":false,\"raisedAt\":" + T + "}",
                new SafeguardingRaised(ID, REFERRAL, PEER, null, SafeguardingRaised.Category.SELF_NEGLECT, false, AT));
        assertJson("{\"signpostingId\":" + I + "," + R + ",\"category\":\"NATURE_AND_GARDENING\","
                + "\"takeUp\":\"TAKEN_UP\",\"updatedAt\":" + T + "}",
                new SignpostingUpdated(ID, REFERRAL, SignpostingUpdated.Category.NATURE_AND_GARDENING,
                        SignpostingUpdated.TakeUp.TAKEN_UP, AT));
    }

    @Test
    void staffEventsAreAboutThePeerAndKeepTheirJson() throws Exception {
        assertJson("{\"supervisionId\":" + I + ",\"peerId\":" + P + ",\"heldAt\":" + T + "}",
                new SupervisionRecorded(ID, PEER, AT));
        SupervisionRecorded supervision = new SupervisionRecorded(ID, PEER, AT);
        assertEquals(PEER.toString(), EventSpec.of(SupervisionRecorded.class).subject(supervision));
        assertEquals(Topics.STAFF, EventSpec.of(SupervisionRecorded.class).topic());
        assertEquals(Topics.SESSIONS, EventSpec.of(SignpostingUpdated.class).topic());
    }

    @Test
    void outcomeEventsKeepTheirJson() throws Exception {
        assertJson("{" + R + ",\"measurementId\":" + I + ",\"instrument\":\"PHQ9\",\"timepoint\":\"FOLLOW_UP\","
                + "\"completedAt\":" + T + ",\"score\":9,\"rawScore\":9,\"band\":\"MILD\",\"change\":{"
                + "\"fromBaseline\":-6,\"classification\":\"IMPROVED\"}}",
                new OutcomeRecorded(REFERRAL, ID, "PHQ9", Timepoint.FOLLOW_UP, AT, new BigDecimal("9"), 9, "MILD",
                        null, new OutcomeRecorded.Change(new BigDecimal("-6"), Classification.IMPROVED, null)));
        assertJson("{" + R + ",\"measurementId\":" + I + ",\"instrument\":\"ONS4\",\"timepoint\":\"BASELINE\","
                + "\"completedAt\":" + T + ",\"score\":{\"anxiety\":3},"
                + "\"itemBands\":{\"anxiety\":\"LOW\"}}",
                new OutcomeRecorded(REFERRAL, ID, "ONS4", Timepoint.BASELINE, AT, Map.of("anxiety", 3), null, null,
                        Map.of("anxiety", "LOW"), null));
        assertJson("{" + R + ",\"measurementId\":" + I + ",\"instrument\":\"PHQ9\",\"item\":9,\"raisedAt\":" + T + "}",
                new RiskFlagged(REFERRAL, ID, "PHQ9", 9, AT));
    }

    /** A service's own enum of the same values as the contract's Gender, in another order. */
    enum ServiceGender { UNKNOWN, OTHER, MALE, FEMALE }

    @Test
    void aServiceVocabularyConvertsToTheContractsByName() {
        assertEquals(Gender.OTHER, Vocabulary.as(Gender.class, ServiceGender.OTHER));
        assertEquals(ServiceGender.FEMALE, Vocabulary.as(ServiceGender.class, Gender.FEMALE));
        assertEquals(List.of(Gender.MALE, Gender.UNKNOWN),
                Vocabulary.asList(Gender.class, List.of(ServiceGender.MALE, ServiceGender.UNKNOWN)));
        assertEquals(Map.of("a", Gender.MALE), Vocabulary.asMap(Gender.class, Map.of("a", ServiceGender.MALE)));
        assertNull(Vocabulary.as(Gender.class, null));
        assertTrue(Vocabulary.same(Gender.class, ServiceGender.class));
        assertFalse(Vocabulary.same(Gender.class, ConditionKind.class));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.as(Gender.class, ConditionKind.MENTAL));
    }

    private static void assertJson(String expected, EventData data) throws Exception {
        // as the outbox writes it: the data as a tree, then inside the envelope
        String json = MAPPER.writeValueAsString(MAPPER.valueToTree(data));
        assertEquals(expected, json);
        // and it reads back as the same data
        assertEquals(MAPPER.readTree(json), MAPPER.valueToTree(MAPPER.readValue(json, data.getClass())));
    }
}
