package org.alongside.outcomes.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.PoisonEventException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class EventDataTest {

    // As Quarkus configures it: unknown fields are ignored, so producers can add fields without breaking readers.
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final EventData DATA = new EventData(MAPPER, Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private final UUID referralId = UUID.randomUUID();

    @Test
    void readsTheContractAndIgnoresFieldsItDoesNotKeep() {
        InboundEvents.SessionRecorded session = DATA.read(event("session.recorded", referralId.toString(),
                session(Map.of("notes", "never sent, but ignored if it were"))), InboundEvents.SessionRecorded.class);
        assertEquals(InboundEvents.Attendance.ATTENDED, session.attendance());
        assertEquals(List.of(InboundEvents.Focus.EMOTIONAL_SUPPORT), session.focus());
        assertEquals(referralId, DATA.referralId(event("session.recorded", referralId.toString(), session(Map.of()))));
    }

    @Test
    void missingRequiredDataIsPoisonNamingTheField() {
        ObjectNode data = session(Map.of());
        data.remove("attendance");
        String error = poison(() -> DATA.read(event("session.recorded", referralId.toString(), data),
                InboundEvents.SessionRecorded.class));
        assertTrue(error.contains("data.attendance"), error);
    }

    @Test
    void valuesOutsideTheContractArePoisonNamingTheField() {
        String error = poison(() -> DATA.read(event("session.recorded", referralId.toString(),
                session(Map.of("attendance", "MAYBE"))), InboundEvents.SessionRecorded.class));
        assertTrue(error.contains("data.attendance"), error);

        ObjectNode received = MAPPER.valueToTree(Map.of("referrerType", "SELF", "receivedAt", "2024-01-10T10:00:00Z",
                "conditions", List.of(Map.of("kind", "PHYSICAL"), Map.of("kind", "SPIRITUAL"))));
        error = poison(() -> DATA.read(event("referral.received", referralId.toString(), received),
                InboundEvents.ReferralReceived.class));
        assertTrue(error.contains("data.conditions[1].kind"), error);

        ObjectNode deprived = received.deepCopy();
        deprived.set("conditions", MAPPER.valueToTree(List.of(Map.of("kind", "MENTAL"))));
        deprived.put("imdDecile", 11);
        error = poison(() -> DATA.read(event("referral.received", referralId.toString(), deprived),
                InboundEvents.ReferralReceived.class));
        assertTrue(error.contains("data.imdDecile"), error);
    }

    @Test
    void theSubjectMustBeTheReferralTheDataNames() {
        poison(() -> DATA.referralId(event("session.recorded", "not-a-uuid", session(Map.of()))));
        ObjectNode other = session(Map.of());
        other.put("referralId", UUID.randomUUID().toString());
        String error = poison(() -> DATA.referralId(event("session.recorded", referralId.toString(), other)));
        assertTrue(error.contains("contradicts subject"), error);
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
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), type, "/alongside/test", subject,
                OffsetDateTime.now(), "application/json", null, data);
    }

    private static String poison(Runnable read) {
        return assertThrows(PoisonEventException.class, read::run).getMessage();
    }
}
