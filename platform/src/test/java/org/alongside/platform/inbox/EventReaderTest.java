package org.alongside.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.matches.MatchEnded;
import org.alongside.platform.events.referrals.ReferralClosed;
import org.alongside.platform.events.referrals.ReferralReceived;
import org.alongside.platform.events.sessions.Focus;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Every consumer reads an event the same way: as the contract's record, or as poison that says what is wrong. */
class EventReaderTest {

    // As Quarkus configures it: unknown fields are ignored, so producers can add fields without breaking readers.
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final EventReader READER = new EventReader(MAPPER, Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    private static final OffsetDateTime SENT = OffsetDateTime.parse("2024-01-12T09:00:00Z");

    private final UUID referralId = UUID.randomUUID();

    @Test
    void readsTheContractsRecordAndIgnoresFieldsItDoesNotKnow() {
        Received<SessionRecorded> session = READER.read(event("session.recorded", referralId.toString(),
                session(Map.of("notes", "never sent, but ignored if it were"))), SessionRecorded.class);
        assertEquals(SessionRecorded.Attendance.ATTENDED, session.data().attendance());
        assertEquals(List.of(Focus.EMOTIONAL_SUPPORT), session.data().focus());
        assertEquals(referralId, session.referralId());
        assertEquals("session.recorded", session.type());
        assertEquals("/alongside/test", session.source());
    }

    @Test
    void missingRequiredDataIsPoisonNamingTheField() {
        ObjectNode data = session(Map.of());
        data.remove("attendance");
        String error = poison(() -> READER.read(event("session.recorded", referralId.toString(), data),
                SessionRecorded.class));
        assertTrue(error.contains("data.attendance"), error);
    }

    @Test
    void valuesOutsideTheContractArePoisonNamingTheField() {
        String error = poison(() -> READER.read(event("session.recorded", referralId.toString(),
                session(Map.of("attendance", "MAYBE"))), SessionRecorded.class));
        assertTrue(error.contains("data.attendance"), error);

        ObjectNode received = MAPPER.valueToTree(Map.of("referrerType", "SELF", "receivedAt", "2024-01-10T10:00:00Z",
                "conditions", List.of(Map.of("display", "Long COVID", "kind", "PHYSICAL"),
                        Map.of("display", "Grief", "kind", "SPIRITUAL"))));
        error = poison(() -> READER.read(event("referral.received", referralId.toString(), received),
                ReferralReceived.class));
        assertTrue(error.contains("data.conditions[1].kind"), error);

        ObjectNode deprived = received.deepCopy();
        deprived.set("conditions", MAPPER.valueToTree(List.of(Map.of("display", "Grief", "kind", "MENTAL"))));
        deprived.put("imdDecile", 11);
        error = poison(() -> READER.read(event("referral.received", referralId.toString(), deprived),
                ReferralReceived.class));
        assertTrue(error.contains("data.imdDecile"), error);
    }

    @Test
    void theSubjectMustBeTheReferralTheDataNames() {
        poison(() -> READER.read(event("session.recorded", "not-a-uuid", session(Map.of())), SessionRecorded.class));
        ObjectNode other = session(Map.of());
        other.put("referralId", UUID.randomUUID().toString());
        String error = poison(() -> READER.read(event("session.recorded", referralId.toString(), other),
                SessionRecorded.class));
        assertTrue(error.contains("contradicts subject"), error);
    }

    @Test
    void anEventHappenedAtItsOwnTimeElseAtTheEnvelopes() {
        ObjectNode closed = MAPPER.valueToTree(Map.of("reason", "GOALS_MET", "closedAt", "2024-01-10T10:00:00Z"));
        assertEquals(OffsetDateTime.parse("2024-01-10T10:00:00Z"),
                READER.read(event("referral.closed", referralId.toString(), closed), ReferralClosed.class).time());
        closed.remove("closedAt");
        assertEquals(SENT, READER.read(event("referral.closed", referralId.toString(), closed),
                ReferralClosed.class).time());

        EventEnvelope timeless = new EventEnvelope("1.0", UUID.randomUUID().toString(), "referral.closed",
                "/alongside/test", referralId.toString(), null, "application/json", null, closed);
        String error = poison(() -> READER.read(timeless, ReferralClosed.class));
        assertTrue(error.contains("neither data.closedAt nor an event time"), error);
    }

    @Test
    void eachEventGoesToTheMethodOfItsTypeOnly() throws Exception {
        List<String> calls = new ArrayList<>();
        EventSubscriber subscriber = () -> EventHandlers.forStream(Topics.REFERRALS)
                .on(ReferralClosed.class, event -> calls.add("closed " + event.data().reason()))
                .on(ReferralReceived.class, event -> calls.add("received"))
                .build();
        Subscriptions subscriptions = new Subscriptions(List.of(subscriber), READER);
        assertEquals(Set.of(Topics.REFERRALS), subscriptions.topics());
        assertTrue(subscriptions.wants("referral.closed"));
        assertFalse(subscriptions.wants("referral.accepted"));

        subscriptions.deliver(event("referral.closed", referralId.toString(),
                MAPPER.valueToTree(Map.of("reason", "GOALS_MET"))));
        subscriptions.deliver(event("referral.accepted", referralId.toString(), MAPPER.createObjectNode()));
        assertEquals(List.of("closed GOALS_MET"), calls);
    }

    @Test
    void aStreamsHandlersTakeItsOwnEventsOnceEach() {
        EventHandlers.Builder referrals = EventHandlers.forStream(Topics.REFERRALS);
        IllegalArgumentException elsewhere = assertThrows(IllegalArgumentException.class,
                () -> referrals.on(MatchEnded.class, event -> { }));
        assertTrue(elsewhere.getMessage().contains("match.ended is published on alongside.matches.v1"),
                elsewhere.getMessage());
        referrals.on(ReferralClosed.class, event -> { });
        assertThrows(IllegalArgumentException.class, () -> referrals.on(ReferralClosed.class, event -> { }));
    }

    private ObjectNode session(Map<String, Object> overrides) {
        ObjectNode data = MAPPER.valueToTree(Map.of("sessionId", UUID.randomUUID().toString(),
                "referralId", referralId.toString(), "peerId", UUID.randomUUID().toString(),
                "startedAt", "2024-01-10T10:00:00Z", "durationMinutes", 60, "format", "IN_PERSON",
                "attendance", "ATTENDED", "focus", List.of("EMOTIONAL_SUPPORT"), "recordedAt", "2024-01-10T11:05:00Z"));
        overrides.forEach((field, value) -> data.set(field, MAPPER.valueToTree(value)));
        return data;
    }

    private static EventEnvelope event(String type, String subject, ObjectNode data) {
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), type, "/alongside/test", subject, SENT,
                "application/json", null, data);
    }

    private static String poison(Runnable read) {
        return assertThrows(PoisonEventException.class, read::run).getMessage();
    }
}
