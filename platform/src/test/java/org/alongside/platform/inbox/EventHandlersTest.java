package org.alongside.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.Topics;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Consumers read every version of an event still published while producers move over, each as its own record, and
 * events that are about something other than a referral by their own subject.
 */
class EventHandlersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final EventReader READER = new EventReader(MAPPER, Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @EventType(name = "match.tested", version = 1)
    record TestedV1(@NotNull UUID referralId, String colour) implements EventData {
    }

    @EventType(name = "match.tested", version = 2)
    record TestedV2(@NotNull UUID referralId, @NotNull List<String> colours) implements EventData {
    }

    @EventType(name = "match.peer-tested", version = 1, subject = "peerId")
    record PeerTested(@NotNull UUID peerId, OffsetDateTime at) implements EventData {
    }

    private final List<String> handled = new ArrayList<>();
    private final EventHandlers handlers = EventHandlers.forStream(Topics.MATCHES)
            .on(TestedV1.class, e -> handled.add("v1 " + e.data().colour()))
            .on(TestedV2.class, e -> handled.add("v2 " + e.data().colours()))
            .on(PeerTested.class, e -> handled.add("peer " + e.data().peerId() + " referral " + e.referralId()))
            .build();

    @Test
    void eachVersionIsReadAsItsOwnRecordByTheEndOfItsDataschema() throws Exception {
        UUID referralId = UUID.randomUUID();
        handlers.deliver(event("match.tested", referralId.toString(), "https://alongside.example/schemas/match.tested/1",
                Map.of("referralId", referralId.toString(), "colour", "teal")), READER);
        handlers.deliver(event("match.tested", referralId.toString(), "http://localhost:8082/events/schemas/match.tested/2.json",
                Map.of("referralId", referralId.toString(), "colours", List.of("teal", "plum"))), READER);
        // before schemas had versions an event carried none: version 1
        handlers.deliver(event("match.tested", referralId.toString(), null,
                Map.of("referralId", referralId.toString(), "colour", "sand")), READER);
        assertEquals(List.of("v1 teal", "v2 [teal, plum]", "v1 sand"), handled);
    }

    @Test
    void aVersionNoMethodReadsIsPoisonNamingTheVersionsThatAreRead() {
        UUID referralId = UUID.randomUUID();
        PoisonEventException poison = assertThrows(PoisonEventException.class, () -> handlers.deliver(
                event("match.tested", referralId.toString(), "https://alongside.example/schemas/match.tested/3",
                        Map.of("referralId", referralId.toString())), READER));
        assertTrue(poison.getMessage().contains("version 3 is not one this service reads (it reads [1, 2])"),
                poison.getMessage());
        assertTrue(handled.isEmpty());
    }

    @Test
    void theSameVersionCannotBeHandledTwice() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () ->
                EventHandlers.forStream(Topics.MATCHES).on(TestedV1.class, e -> { }).on(TestedV1.class, e -> { }));
        assertTrue(twice.getMessage().contains("version 1 is handled twice"), twice.getMessage());
    }

    @Test
    void anEventAboutSomethingElseIsReadByItsOwnSubjectAndNamesNoReferral() throws Exception {
        UUID peerId = UUID.randomUUID();
        handlers.deliver(event("match.peer-tested", peerId.toString(), null, Map.of("peerId", peerId.toString())),
                READER);
        assertEquals(List.of("peer " + peerId + " referral null"), handled);

        PoisonEventException contradiction = assertThrows(PoisonEventException.class, () -> handlers.deliver(
                event("match.peer-tested", UUID.randomUUID().toString(), null, Map.of("peerId", peerId.toString())),
                READER));
        assertTrue(contradiction.getMessage().contains("data.peerId " + peerId + " contradicts subject"),
                contradiction.getMessage());
    }

    @Test
    void theSubjectOfAReferralEventMustStillBeAReferralId() {
        PoisonEventException poison = assertThrows(PoisonEventException.class, () -> handlers.deliver(
                event("match.tested", "not-a-referral", null, Map.of("colour", "teal")), READER));
        assertTrue(poison.getMessage().contains("subject is not a referral id"), poison.getMessage());
    }

    private static EventEnvelope event(String type, String subject, String dataschema, Map<String, Object> data) {
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), type, "/alongside/test", subject,
                OffsetDateTime.parse("2024-01-12T09:00:00Z"), "application/json", dataschema, MAPPER.valueToTree(data));
    }
}
