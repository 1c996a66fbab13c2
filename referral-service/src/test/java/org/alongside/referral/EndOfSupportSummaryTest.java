package org.alongside.referral;

import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.asReferrer;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;
import org.alongside.referral.feedback.WebhookDispatcher;
import org.alongside.referral.summary.EndOfSupportSummary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * A closed referral's end-of-support summary, end to end in the running service: queued at the close, assembled
 * from session- and outcomes-service (retried while one does not answer), valid FHIR R4 with no error, read by the
 * referrer with HAPI's client, named by the Task's output and announced on the signed webhook; none without the
 * person's consent to share with their GP, none once that consent is withdrawn, none for another organisation.
 *
 * <p>session- and outcomes-service do not run in these tests (the subject access export's tests see them as a
 * closed port). Here a small HTTP endpoint in the test answers in their place with what their APIs answer for a
 * referral (sessions, goals and signposting as the contract's Page, outcomes per instrument), and the first call
 * is answered 503, as a service that is down would.
 */
@QuarkusTest
@TestProfile(EndOfSupportSummaryTest.WithOtherServices.class)
class EndOfSupportSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOAL = "Walk to the allotment & back twice a week";

    /** session- and outcomes-service's place, and the referrer's webhook receiver. */
    static final class StandIn {
        static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
        static final List<String[]> NOTIFICATIONS = new CopyOnWriteArrayList<>();
        static final AtomicBoolean DOWN_ONCE = new AtomicBoolean(true);
        static final HttpServer SERVER = start();

        static String url() {
            return "http://127.0.0.1:" + SERVER.getAddress().getPort();
        }

        private static HttpServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/sessions", StandIn::sessions);
                server.createContext("/referrals/", StandIn::referralParts);
                server.createContext("/hook", exchange -> {
                    NOTIFICATIONS.add(new String[] {
                            exchange.getRequestHeaders().getFirst(WebhookDispatcher.TIMESTAMP_HEADER),
                            exchange.getRequestHeaders().getFirst(WebhookDispatcher.SIGNATURE_HEADER),
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
                server.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** GET /sessions?referralId=: five sessions, one entered in error, in pages of three. */
        private static void sessions(HttpExchange exchange) throws IOException {
            AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (DOWN_ONCE.getAndSet(false)) {
                answer(exchange, 503, Map.of("status", 503, "title", "Service unavailable"));
                return;
            }
            Map<String, String> query = query(exchange);
            List<Map<String, Object>> all = List.of(
                    session("TELEPHONE", "ATTENDED", "RECORDED"),
                    session("TELEPHONE", "DID_NOT_ATTEND", "RECORDED"),
                    session("IN_PERSON", "ATTENDED", "RECORDED"),
                    session("IN_PERSON", "ATTENDED", "ENTERED_IN_ERROR"),
                    session("VIDEO", "CANCELLED_BY_CLIENT", "RECORDED"));
            int page = Integer.parseInt(query.getOrDefault("page", "0"));
            int size = Integer.parseInt(query.getOrDefault("size", "3"));
            answer(exchange, 200, Map.of("items", all.subList(Math.min(page * size, all.size()),
                    Math.min((page + 1) * size, all.size())), "page", page, "size", size, "total", all.size()));
        }

        private static Map<String, Object> session(String medium, String attendance, String status) {
            return Map.of("id", UUID.randomUUID().toString(), "medium", medium, "attendance", attendance,
                    "status", status, "durationMinutes", 45);
        }

        /** goals and signposting (each a Page) and outcomes of /referrals/{id}/... */
        private static void referralParts(HttpExchange exchange) throws IOException {
            AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/goals")) {
                answer(exchange, 200, Map.of("items", List.of(Map.of("text", GOAL, "status", "ACHIEVED",
                        "latestRating", 8, "progress", List.of(Map.of("status", "IN_PROGRESS", "rating", 3),
                                Map.of("status", "IN_PROGRESS"), Map.of("status", "ACHIEVED", "rating", 8)))),
                        "page", 0, "size", 50, "total", 1));
            } else if (path.endsWith("/signposting")) {
                answer(exchange, 200, Map.of("items", List.of(Map.of("name", "Leeds diabetes walking group",
                        "category", "PHYSICAL_ACTIVITY", "takeUp", "TAKEN_UP")), "page", 0, "size", 20,
                        "total", 1));
            } else if (path.endsWith("/outcomes")) {
                answer(exchange, 200, Map.of("instruments", List.of(Map.of(
                        "instrument", "SWEMWBS", "name", "Short Warwick-Edinburgh Mental Wellbeing Scale",
                        "baselineMeasurementId", "m1",
                        "series", List.of(
                                Map.of("id", "m1", "timepoint", "BASELINE", "completedAt", "2026-01-05T10:00:00Z",
                                        "score", 19.25),
                                Map.of("id", "m2", "timepoint", "DISCHARGE", "completedAt", "2026-06-01T10:00:00Z",
                                        "score", 23.21)),
                        "latestChange", Map.of("measurementId", "m2", "fromBaseline", 3.96,
                                "classification", "IMPROVED")))));
            } else {
                answer(exchange, 404, Map.of("status", 404));
            }
        }

        private static Map<String, String> query(HttpExchange exchange) {
            Map<String, String> query = new HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            return query;
        }

        private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }

    public static class WithOtherServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alongside.services.session-url", StandIn.url(),
                    "alongside.services.outcomes-url", StandIn.url());
        }
    }

    @TestHTTPResource("/fhir")
    URL base;

    private IGenericClient fhirClient(String odsCode) {
        IGenericClient client = FhirConformance.FHIR.newRestfulGenericClient(base.toString());
        client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.referrer(odsCode)));
        return client;
    }

    /** A referral from the practice, matched with a peer and then closed. */
    private static String closedReferral(String odsCode, boolean shareWithGp) {
        Map<String, Object> body = new HashMap<>(referral("9434765919"));
        body.put("referrer", Map.of("type", "GP_PRACTICE", "odsCode", odsCode, "name", "Dr Rowan"));
        body.put("consent", Map.of("peerSupport", true, "shareWithGp", shareWithGp));
        String id = asReferrer(odsCode).body(body).post("/referrals").then().statusCode(201).extract().path("id");
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200);
        TestEvents.publish("match.accepted", UUID.fromString(id), Map.of("referralId", id,
                "proposalId", UUID.randomUUID(), "peerId", UUID.randomUUID(), "score", 70));
        await().atMost(Duration.ofSeconds(30)).until(() -> "MATCHED".equals(as("coordinator")
                .get("/referrals/" + id).then().extract().path("status")));
        as("coordinator").body(Map.of("reason", "GOALS_MET", "note", "Back at the allotment"))
                .post("/referrals/" + id + "/close").then().statusCode(200);
        return id;
    }

    private static Task task(String odsCode, String id) {
        String body = asReferrer(odsCode).accept("application/fhir+json").get("/fhir/Task?focus=ServiceRequest/" + id)
                .then().statusCode(200).extract().asString();
        Bundle search = FhirConformance.FHIR.newJsonParser().parseResource(Bundle.class, body);
        return (Task) search.getEntryFirstRep().getResource();
    }

    @Test
    void aClosedReferralWithConsentGetsAValidSummaryThatOnlyItsReferrerReads() throws Exception {
        String secret = asReferrer("C84001").body(Map.of("url", StandIn.url() + "/hook"))
                .put("/referrer-webhooks/C84001").then().statusCode(200).extract().path("secret");
        // closed first, without consent: never queued, so still nothing once the later one is ready
        String withoutConsent = closedReferral("C84001", false);
        String id = closedReferral("C84001", true);

        // announced on the webhook, signed, once assembled (after session-service was down for the first try)
        await().atMost(Duration.ofSeconds(30)).until(() -> notified(id) != null);
        String[] notification = notified(id);
        assertEquals(WebhookDispatcher.sign(secret, Long.parseLong(notification[0]), notification[2]),
                notification[1]);
        JsonNode announced = JSON.readTree(notification[2]);
        assertEquals("/fhir/Bundle/" + id, announced.path("summary").asText());
        assertEquals("CLOSED", announced.path("status").asText());
        assertFalse(notification[2].contains(GOAL) || notification[2].contains("9434765919"),
                "the notification carries no words and no identity");

        // referral-service called as itself: a coordinator token with its own subject, signed with the dev key
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(StandIn.AUTHORIZATIONS.get(0)
                .substring("Bearer ".length()).split("\\.")[1]));
        assertEquals("referral-service", claims.path("sub").asText());
        assertEquals("coordinator", claims.path("groups").get(0).asText());

        // the Task names it
        Task task = task("C84001", id);
        assertEquals(Task.TaskStatus.COMPLETED, task.getStatus());
        assertEquals("Bundle/" + id, ((Reference) task.getOutputFirstRep().getValue()).getReference());
        assertTrue(task("C84001", withoutConsent).getOutput().isEmpty());
        asReferrer("C84001").get("/fhir/Bundle/" + withoutConsent).then().statusCode(404);
        assertNull(QuarkusTransaction.requiringNew().call(() -> EndOfSupportSummary.findById(
                UUID.fromString(withoutConsent))), "none is made without consent to share with the GP");

        // the referrer reads it with a standard FHIR client: a valid document, first entry the Composition
        Bundle document = fhirClient("C84001").read().resource(Bundle.class).withId(id).execute();
        FhirConformance.assertValidR4(document);
        assertEquals(Bundle.BundleType.DOCUMENT, document.getType());
        Composition composition = assertInstanceOf(Composition.class, document.getEntryFirstRep().getResource());
        assertEquals(List.of("Dates", "Sessions by medium", "Goals, in the person's words", "Outcome measures",
                "Signposting", "Why support ended"), composition.getSection().stream()
                .map(Composition.SectionComponent::getTitle).toList());
        String sessions = composition.getSection().get(1).getText().getDivAsString();
        assertTrue(sessions.contains("<td>In person</td><td>1</td><td>0</td><td>0</td><td>0</td>"), sessions);
        assertTrue(sessions.contains("<td>Telephone</td><td>1</td><td>1</td><td>0</td><td>0</td>"), sessions);
        assertTrue(sessions.contains("<td>Video</td><td>0</td><td>0</td><td>1</td><td>0</td>"), sessions);
        String goals = composition.getSection().get(2).getText().getDivAsString();
        assertTrue(goals.contains("<td>Walk to the allotment &amp; back twice a week</td><td>Achieved</td>"
                + "<td>3</td><td>8</td>"), goals);
        String measures = composition.getSection().get(3).getText().getDivAsString();
        assertTrue(measures.contains("<td>19.25 (5 January 2026)</td><td>23.21 (1 June 2026)</td><td>3.96</td>"
                + "<td>Improved</td>"), measures);
        assertTrue(composition.getSection().get(4).getText().getDivAsString().contains("<td>Taken up</td>"));
        assertTrue(composition.getSection().get(5).getText().getDivAsString().contains("Goals met"));
        FhirConformance.assumeShared();
        FhirConformance.assertValidUkCore(document);
    }

    @Test
    void withoutConsentOrAfterItIsWithdrawnOrForAnotherOrganisationThereIsNone() {
        String id = closedReferral("C84002", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> asReferrer("C84002").get("/fhir/Bundle/" + id)
                .statusCode() == 200);

        // another organisation's referrer: as if it did not exist
        assertThrows(ResourceNotFoundException.class,
                () -> fhirClient("Y99999").read().resource(Bundle.class).withId(id).execute());
        asReferrer("Y99999").get("/fhir/Bundle/" + id).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));

        // the person withdraws consent: the referrer sees only the status from then on
        asReferrer("C84002").post("/referrals/" + id + "/consent-withdrawal").then().statusCode(200);
        asReferrer("C84002").get("/fhir/Bundle/" + id).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));
        assertTrue(task("C84002", id).getOutput().isEmpty());
        assertThrows(ResourceNotFoundException.class,
                () -> fhirClient("C84002").read().resource(Bundle.class).withId(id).execute());

        // nor for a referral that does not exist, or an id that is none
        asReferrer("C84002").get("/fhir/Bundle/" + UUID.randomUUID()).then().statusCode(404);
        asReferrer("C84002").get("/fhir/Bundle/not-an-id").then().statusCode(404)
                .body("issue[0].diagnostics", containsString("not found"));
        as("peer-worker").get("/fhir/Bundle/" + id).then().statusCode(403).body("id", nullValue());

        // each read is audited as a read of the person's record
        as("admin").get("/audit?referralId=" + id).then()
                .body("items.operation", hasItem("GET SummaryResource.read"))
                .body("items.status", hasItem(200));

        // it holds the person's words: erased with the referral at the end of the retention period (3 s in tests)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> as("admin")
                .post("/retention/sweeps").then().statusCode(200).extract().<List<String>>path("erased")
                .contains(id));
        assertNull(QuarkusTransaction.requiringNew().call(() -> EndOfSupportSummary.findById(UUID.fromString(id))));
    }

    /** The summary notification about this referral, if it came: timestamp, signature, body. */
    private static String[] notified(String id) {
        return StandIn.NOTIFICATIONS.stream().filter(n -> n[2].contains("SUMMARY_AVAILABLE")
                && n[2].contains(id)).findFirst().orElse(null);
    }
}
