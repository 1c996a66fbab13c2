package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Safeguarding that reaches someone, across the running suite: a peer worker's immediate-risk concern, and a PHQ-9
 * answer that flags risk in outcomes-service, each reach the peer's supervisor and the duty coordinator by email at
 * once (a real SMTP server, the email carrying only a link); left unacknowledged the alert escalates down the
 * escalation list; and the supervisor responsible sees who is at risk in referral-service while the concern is
 * open, and no longer once it is closed. The suite's alerts escalate after {@link Suite#ESCALATE_AFTER}.
 */
class SafeguardingAlertJourneyTest {

    /** Within seconds, as the issue has it; the margin is for a busy CI machine, not for the service. */
    private static final Duration AT_ONCE = Duration.ofSeconds(30);
    private static final String DUTY_COORDINATOR = "duty-coordinator@alongside.local";

    private final Suite suite = Suite.get();

    @Test
    void anImmediateRiskConcernEmailsAtOnceEscalatesWhenLeftAndShowsTheSupervisorWhoIsAtRisk() {
        String nhsNumber = NhsNumbers.next();
        Journeys.Supported person = Journeys.supported(suite, "Briony", nhsNumber, "44054006",
                "Type 2 diabetes mellitus");
        String supervisor = supervising(person.peerId());
        String referral = "/referrals/" + person.referralId();
        // before any concern, the supervisor does not see who the person is
        suite.asSupervisor(REFERRAL, supervisor).get(referral).then().statusCode(404);

        String concern = suite.asPeer(SESSION, person.peerId()).body(Map.of("referralId", person.referralId(),
                        "category", "SELF_HARM_OR_SUICIDE_RISK", "immediateRisk", true,
                        "description", "Briony said she has been saving up her tablets"))
                .post("/safeguarding/concerns").then().statusCode(201).extract().path("id");
        String alert = suite.asSupervisor(SESSION, supervisor).get("/alerts").then().statusCode(200)
                .extract().path("items.find { it.concernId == '" + concern + "' }.id");

        for (MimeMessage email : awaitEmails(alert, supervisorEmail(supervisor), DUTY_COORDINATOR)) {
            assertCarriesOnlyALink(email, alert, "Briony", "Journey", nhsNumber, "tablets", person.referralId(),
                    concern);
        }
        // the supervisor sees who is at risk, and how to reach them, while the concern is open
        await().atMost(AT_ONCE).untilAsserted(() -> suite.asSupervisor(REFERRAL, supervisor).get(referral).then()
                .statusCode(200).body("person.givenName", equalTo("Briony"))
                .body("person.nhsNumber", equalTo(nhsNumber)));

        // nobody acknowledges: the safeguarding lead is emailed, then the service manager
        awaitEmails(alert, Suite.ESCALATION.get(0));
        awaitEmails(alert, Suite.ESCALATION.get(1));
        suite.asSupervisor(SESSION, supervisor).post("/alerts/" + alert + "/acknowledge").then().statusCode(200)
                .body("acknowledgedBy", equalTo(supervisor));

        suite.asSupervisor(SESSION, supervisor).post("/safeguarding/concerns/" + concern + "/acknowledge").then()
                .statusCode(200);
        suite.asSupervisor(SESSION, supervisor).body(Map.of("actionTaken", "Crisis team visited the same day"))
                .post("/safeguarding/concerns/" + concern + "/close").then().statusCode(200);
        // once it is closed, the person is no longer the supervisor's to see
        await().atMost(AT_ONCE).untilAsserted(() -> suite.asSupervisor(REFERRAL, supervisor).get(referral).then()
                .statusCode(404));
    }

    @Test
    void aPhq9AnswerThatFlagsRiskInOutcomesEmailsTheSupervisorAndJoinsTheirWorklist() {
        Journeys.Supported person = Journeys.supported(suite, "Cerys", NhsNumbers.next(), "13645005",
                "Chronic obstructive lung disease (COPD)");
        String supervisor = supervising(person.peerId());
        // item 9 (thoughts of being better off dead) answered "several days"
        Map<String, Object> phq9 = Map.of("referralId", person.referralId(), "instrument", "PHQ9",
                "timepoint", "BASELINE",
                "completedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).toString(),
                "answers", List.of(2, 2, 1, 1, 1, 2, 1, 1, 1));
        await().atMost(AT_ONCE).until(() -> suite.asPeer(OUTCOMES, person.peerId()).body(phq9)
                .post("/measurements").statusCode() == 201);

        String flag = await().atMost(AT_ONCE).until(() -> suite.asSupervisor(SESSION, supervisor)
                .get("/safeguarding/worklist").then().statusCode(200).extract()
                .<String>path("items.find { it.kind == 'RISK_FLAG' && it.referralId == '" + person.referralId()
                        + "' }.id"), id -> id != null);
        String alert = suite.asSupervisor(SESSION, supervisor).get("/alerts").then().statusCode(200)
                .extract().path("items.find { it.riskFlagId == '" + flag + "' }.id");
        for (MimeMessage email : awaitEmails(alert, supervisorEmail(supervisor), DUTY_COORDINATOR)) {
            assertCarriesOnlyALink(email, alert, "Cerys", "Journey", person.referralId(), flag);
        }
        suite.asSupervisor(SESSION, supervisor).post("/safeguarding/risk-flags/" + flag + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        suite.asSupervisor(SESSION, supervisor).get("/alerts").then()
                .body("items.find { it.id == '" + alert + "' }.acknowledgedBy", equalTo(supervisor));
    }

    /** Registers a new supervisor in session-service and makes them the peer's, as a coordinator would. */
    private String supervising(UUID peerId) {
        String supervisor = "sup-" + UUID.randomUUID();
        suite.as(SESSION, "admin").body(Map.of("displayName", "Supervisor", "email", supervisorEmail(supervisor),
                "active", true)).put("/supervisors/" + supervisor).then().statusCode(200);
        suite.as(SESSION, "coordinator").body(Map.of("supervisor", supervisor))
                .put("/peers/" + peerId + "/supervisor").then().statusCode(200);
        // matching-service applies it from supervisor.assigned, so both services name the same supervisor
        await().atMost(AT_ONCE).until(() -> supervisor.equals(
                suite.as(MATCHING, "coordinator").get("/peers/" + peerId).path("supervisor")));
        return supervisor;
    }

    private static String supervisorEmail(String supervisor) {
        return supervisor + "@trust.example";
    }

    /** Waits for an email about the alert to each address, and returns them. */
    private List<MimeMessage> awaitEmails(String alert, String... to) {
        return await().atMost(AT_ONCE).until(() -> {
            List<MimeMessage> about = Arrays.stream(suite.mail.getReceivedMessages())
                    .filter(email -> GreenMailUtil.getBody(email).contains("/alerts/" + alert)).toList();
            List<MimeMessage> found = Arrays.stream(to).flatMap(address -> about.stream()
                    .filter(email -> addressedTo(email, address)).limit(1)).toList();
            return found.size() == to.length ? found : null;
        }, found -> found != null);
    }

    private static boolean addressedTo(MimeMessage email, String address) {
        try {
            return email.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(
                    email.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An alert email links to the alert and says nothing about the person or what happened. */
    private static void assertCarriesOnlyALink(MimeMessage email, String alert, String... personal) {
        String text;
        try {
            text = email.getSubject() + "\n" + GreenMailUtil.getBody(email);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(text.contains("/alerts/" + alert), text);
        for (String word : personal) {
            assertFalse(text.contains(word), "the email carries '" + word + "': " + text);
        }
    }
}
