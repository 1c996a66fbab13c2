package org.alongside.session;

import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.asSubject;
import static org.alongside.session.SessionTestSupport.asSupervisor;
import static org.alongside.session.SessionTestSupport.assignSupervisor;
import static org.alongside.session.SessionTestSupport.matchedWithSession;
import static org.alongside.session.SessionTestSupport.now;
import static org.alongside.session.SessionTestSupport.publishEvent;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.outcomes.RiskFlagged;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/**
 * Safeguarding that reaches someone: an immediate-risk concern or a risk flag alerts the responsible supervisor and
 * the duty coordinator at once, in their feed and by email through a real SMTP server, with no personal data in the
 * email; left unacknowledged it escalates down the escalation list (3 s deadlines in the test profile).
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
@QuarkusTestResource(SmtpServer.class)
class AlertsApiTest {

    private static final String DUTY = "duty-coordinator";
    private static final String DUTY_EMAIL = "duty-coordinator@alongside.local";
    private static final String LEAD = "safeguarding-lead@trust.example";
    private static final String MANAGER = "service-manager@trust.example";

    @SmtpServer.Inbox
    GreenMail smtp;

    @Test
    void anImmediateRiskReachesTheSupervisorAndDutyCoordinatorAtOnceAndEscalatesWhenLeft() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String supervisor = "sup-" + UUID.randomUUID();
        String supervisorEmail = supervisor + "@trust.example";
        matchedWithSession(referral, peer);
        assignSupervisor(peer, supervisor).then().statusCode(200);

        String concern = asPeer(peer).body(Map.of("referralId", referral.toString(), "category",
                        "SELF_HARM_OR_SUICIDE_RISK", "description",
                        "Mary Jones (NHS 943 476 5919) said she has pills saved up", "immediateRisk", true))
                .post("/safeguarding/concerns").then().statusCode(201).extract().path("id");

        String alert = asSupervisor(supervisor).get("/alerts").then().statusCode(200)
                .body("items[0].kind", equalTo("IMMEDIATE_RISK_CONCERN"))
                .body("items[0].concernId", equalTo(concern))
                .body("items[0].escalationLevel", equalTo(0))
                .extract().path("items[0].id");
        asSubject(DUTY, "coordinator").get("/alerts?acknowledged=false&size=200").then().statusCode(200)
                .body("items.id", hasItem(alert));
        // within seconds, by email, to both; a link and nothing about the person
        List<MimeMessage> first = awaitEmails(alert, supervisorEmail, DUTY_EMAIL);
        for (MimeMessage email : first) {
            String text = subject(email) + "\n" + GreenMailUtil.getBody(email);
            assertTrue(text.contains("http://localhost:8080/alerts/" + alert), text);
            for (String personal : List.of("Mary", "Jones", "943 476 5919", "9434765919", "pills",
                    referral.toString(), concern)) {
                assertFalse(text.contains(personal), "the email carries '" + personal + "': " + text);
            }
        }

        // someone else's alert: as if it did not exist, and nothing changes
        String colleague = "sup-" + UUID.randomUUID();
        asSupervisor(colleague).post("/alerts/" + alert + "/acknowledge").then().statusCode(404)
                .contentType("application/problem+json");
        asSupervisor(colleague).get("/alerts").then().body("items.id", not(hasItem(alert)));
        as("peer-worker").get("/alerts").then().statusCode(403);

        // nobody acknowledges: the safeguarding lead, then the service manager
        awaitEmails(alert, LEAD);
        awaitEmails(alert, MANAGER);
        asSupervisor(supervisor).get("/alerts").then()
                .body("items.find { it.id == '" + alert + "' }.escalationLevel", equalTo(2))
                .body("items.find { it.id == '" + alert + "' }.overdue", equalTo(true));

        asSupervisor(supervisor).post("/alerts/" + alert + "/acknowledge").then().statusCode(200)
                .body("acknowledgedBy", equalTo(supervisor)).body("acknowledgedAt", notNullValue());
        asSubject(DUTY, "coordinator").post("/alerts/" + alert + "/acknowledge").then().statusCode(409);
        asSubject(DUTY, "coordinator").get("/alerts?acknowledged=false&size=200").then()
                .body("items.id", not(hasItem(alert)));
        int sent = emailsAbout(alert).size();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                .until(() -> emailsAbout(alert).size() == sent);
    }

    @Test
    void theConcernsEventsNameTheResponsibleSupervisorAndItsClosing() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String supervisor = "sup-" + UUID.randomUUID();
        matchedWithSession(referral, peer);
        assignSupervisor(peer, supervisor).then().statusCode(200);
        String concern = asPeer(peer).body(Map.of("referralId", referral.toString(), "category", "SELF_NEGLECT",
                "description", "No food in the house", "immediateRisk", false)).post("/safeguarding/concerns")
                .then().statusCode(201).extract().path("id");
        asSupervisor(supervisor).post("/safeguarding/concerns/" + concern + "/acknowledge").then().statusCode(200);
        asSupervisor(supervisor).body(Map.of("actionTaken", "Food bank referral made")).post(
                "/safeguarding/concerns/" + concern + "/close").then().statusCode(200);

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.SESSIONS)) {
            JsonNode raised = probe.await(EventProbe.ofType("safeguarding.raised", referral), Duration.ofSeconds(60));
            assertTrue(raised.path("dataschema").asText().endsWith("/2"), raised.toString());
            assertEquals(supervisor, raised.path("data").path("supervisor").asText());
            assertEquals(false, raised.path("data").path("immediateRisk").asBoolean());
            JsonNode closed = probe.await(EventProbe.ofType("safeguarding.closed", referral), Duration.ofSeconds(60));
            assertEquals(concern, closed.path("data").path("concernId").asText());
            assertFalse(closed.toString().contains("Food bank"), "the action taken stays here: " + closed);
        }
        // a concern without immediate risk waits on the worklist; it alerts nobody
        asSupervisor(supervisor).get("/alerts").then().body("items.concernId", not(hasItem(concern)));
    }

    @Test
    void aRiskFlagAlertsAndJoinsTheSupervisorsWorklistWhereItIsAcknowledgedAndClosed() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String supervisor = "sup-" + UUID.randomUUID();
        matchedWithSession(referral, peer);
        assignSupervisor(peer, supervisor).then().statusCode(200);
        String concern = asPeer(peer).body(Map.of("referralId", referral.toString(), "category", "OTHER",
                "description", "Seemed low", "immediateRisk", false)).post("/safeguarding/concerns")
                .then().statusCode(201).extract().path("id");

        publishEvent(new RiskFlagged(referral, UUID.randomUUID(), "PHQ9", 9, now()));
        String flagId = await().atMost(Duration.ofSeconds(60)).until(() -> asSupervisor(supervisor)
                .get("/safeguarding/worklist").then().statusCode(200).extract()
                .<String>path("items.find { it.kind == 'RISK_FLAG' }.id"), id -> id != null);
        // both kinds in one list, the immediate risk (every flag) before the working-day concern
        asSupervisor(supervisor).get("/safeguarding/worklist").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].id", equalTo(flagId))
                .body("items[0].instrument", equalTo("PHQ9"))
                .body("items[0].item", equalTo(9))
                .body("items[0].referralId", equalTo(referral.toString()))
                .body("items[1].id", equalTo(concern))
                .body("items[1].kind", equalTo("CONCERN"));
        asSupervisor("sup-" + UUID.randomUUID()).get("/safeguarding/worklist").then()
                .body("items.id", not(hasItem(flagId)));
        as("coordinator").get("/safeguarding/worklist?size=200").then().body("items.id", hasItem(flagId));
        asSupervisor("sup-" + UUID.randomUUID()).post("/safeguarding/risk-flags/" + flagId + "/acknowledge").then()
                .statusCode(404);

        String alert = asSupervisor(supervisor).get("/alerts").then()
                .body("items.find { it.riskFlagId == '" + flagId + "' }.kind", equalTo("RISK_FLAG"))
                .extract().path("items.find { it.riskFlagId == '" + flagId + "' }.id");
        awaitEmails(alert, supervisor + "@trust.example", DUTY_EMAIL);

        asSupervisor(supervisor).body(Map.of("actionTaken", "x")).post("/safeguarding/risk-flags/" + flagId + "/close")
                .then().statusCode(409);
        asSupervisor(supervisor).post("/safeguarding/risk-flags/" + flagId + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        asSupervisor(supervisor).get("/alerts").then()
                .body("items.find { it.id == '" + alert + "' }.acknowledgedAt", notNullValue());
        asSupervisor(supervisor).body(Map.of("actionTaken", "Called her; GP booked for today"))
                .post("/safeguarding/risk-flags/" + flagId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        asSupervisor(supervisor).get("/safeguarding/worklist").then().body("items.id", not(hasItem(flagId)));
        asSupervisor(supervisor).get("/safeguarding/worklist?status=CLOSED").then().body("items.id", hasItem(flagId));
        as("coordinator").get("/safeguarding/worklist?status=SHUT").then().statusCode(400);
    }

    /** Waits (a few seconds at most) for an email about the alert to each address, and returns them. */
    private List<MimeMessage> awaitEmails(String alert, String... to) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            List<MimeMessage> about = emailsAbout(alert);
            List<MimeMessage> found = Arrays.stream(to).flatMap(address -> about.stream()
                    .filter(m -> recipients(m).contains(address)).limit(1)).toList();
            return found.size() == to.length ? found : null;
        }, found -> found != null);
    }

    private List<MimeMessage> emailsAbout(String alert) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains("/alerts/" + alert)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
