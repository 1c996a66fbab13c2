package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.FreePorts;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Each role's core journey through the web console in a real browser, against the packaged suite: the console calls
 * the services' public APIs with the signed-in person's own token, so every step here is also a proof that those
 * APIs are enough. Every main screen is checked with axe-core and photographed for docs/console/. Lives here, not in
 * console/, because it needs the whole running suite that {@link Suite} already starts once for the journey tests.
 */
class ConsoleJourneyTest {

    private static final Suite suite = Suite.get();
    /** The supervisor the console's development sign-in signs in as by default (its token subject). */
    private static final String DEV_SUPERVISOR = "5f1c2b4e-8a7d-4c3b-9e2f-1a6d7c8b9e01";
    private static String console;
    /** One Chromium for every journey here, signed out between them: starting one takes seconds on a busy machine. */
    private static ConsoleBrowser browser;

    @BeforeAll
    static void startConsole() throws Exception {
        console = suite.consoleUrl();
        browser = new ConsoleBrowser(console);
    }

    @BeforeEach
    void signOut() {
        browser.signOut();
    }

    /**
     * The journeys here leave events in flight, and other journey tests count the dashboard before and after their
     * own: wait until outcomes-service has every referral and its counts have stopped moving.
     */
    @AfterAll
    static void settle() {
        browser.close();
        long referrals = suite.as(Suite.Service.REFERRAL, "coordinator").get("/referrals?size=1").then()
                .statusCode(200).extract().jsonPath().getLong("total");
        String[] last = {""};
        int[] unchanged = {0};
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
                    var summary = Journeys.summary(suite);
                    String counts = List.of("referralsReceived", "referralsAccepted", "referralsMatched",
                            "referralsActive", "sessionsAttended").stream().map(summary::getString).toList().toString();
                    unchanged[0] = counts.equals(last[0]) ? unchanged[0] + 1 : 0;
                    last[0] = counts;
                    return summary.getLong("referralsReceived") == referrals && unchanged[0] >= 3;
                });
    }

    @Test
    void aCoordinatorTriagesMatchesAndSeesMatched() throws Exception {
        // a condition no other journey test uses: this peer is the one who fits best
        UUID peer = Journeys.createPeer(suite, "49049000", "Parkinson's disease", 3);
        String referral = Journeys.refer(suite, Journeys.referral("Coordina", NhsNumbers.next(), "LS6 2AB",
                "49049000", "Parkinson's disease"));
        browser.signIn("coordinator", null, null, null);
        assertEquals("/coordinator/worklist", browser.path());
        browser.screen("coordinator-worklist");

        browser.open("/coordinator/referrals/" + referral);
        assertEquals("RECEIVED", browser.text("referral-status"));
        assertEquals("I would like to talk to someone who has been through it", browser.text("reason"));
        browser.screen("coordinator-referral");
        browser.driver.findElement(By.id("accept-referral")).click();
        browser.await(d -> d.getCurrentUrl().contains("done=accepted"));

        // matching hears of the acceptance through Kafka: the page shows the proposals once it has
        browser.awaitAfterReloads(d -> proposalFor(d, peer) != null);
        browser.screen("coordinator-proposals");
        proposalFor(browser.driver, peer).click();
        browser.await(d -> d.getCurrentUrl().contains("done=proposal-accepted"));
        browser.awaitAfterReloads(d -> "MATCHED".equals(d.findElement(By.id("referral-status")).getText()));

        browser.open("/coordinator/assignment");
        browser.driver.findElement(By.id("run-assignment")).click();
        browser.await(d -> !d.findElements(By.id("run-summary")).isEmpty());
        browser.screen("coordinator-assignment-run");
        browser.open("/peer/groups");
        browser.screen("coordinator-groups");
    }

    /** The accept button of the proposal of this peer: its form posts to that proposal, found through the API. */
    private static WebElement proposalFor(org.openqa.selenium.WebDriver driver, UUID peer) {
        String referral = driver.getCurrentUrl().replaceAll(".*/coordinator/referrals/([0-9a-f-]{36}).*", "$1");
        if (Journeys.proposalsStatus(suite, referral) != 200) {
            return null;
        }
        String proposal = Journeys.proposals(suite, referral).getString("proposals.find { it.peerId == '" + peer
                + "' && it.status == 'PROPOSED' }.id");
        if (proposal == null) {
            return null;
        }
        List<WebElement> forms = driver.findElements(By.cssSelector("form[action$='/proposals/" + proposal
                + "/accept'] button"));
        return forms.isEmpty() ? null : forms.get(0);
    }

    @Test
    void aPeerWorkerRecordsASessionByKeyboardAloneAndTheReferralTurnsActive() throws Exception {
        Matched matched = matched("Keyboard", "24700007", "Multiple sclerosis");
        browser.signIn("peer-worker", matched.peer(), null, null);
        assertEquals("/peer/people", browser.path());
        browser.await(d -> d.getPageSource().contains("Keyboard Journey"));
        browser.screen("peer-people");
        browser.driver.findElement(By.linkText("Keyboard Journey")).click();
        browser.await(d -> !d.findElements(By.id("record-session")).isEmpty());
        assertEquals("Matched", browser.text("referral-status"));
        assertEquals("English", browser.text("language"));
        browser.screen("peer-person");
        browser.driver.findElement(By.id("record-session")).click();
        browser.await(d -> !d.findElements(By.id("save-session")).isEmpty());
        browser.screen("peer-record-session");

        // keyboard only: the time, length, format and attendance are filled in already; tick a focus, save
        long started = System.nanoTime();
        tabTo(browser, "f-focus-1");
        new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
        assertTrue(browser.driver.findElement(By.id("f-focus-1")).isSelected());
        tabTo(browser, "f-notes");
        new Actions(browser.driver).sendKeys("Talked about the first weeks after diagnosis").perform();
        tabTo(browser, "save-session");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.await(d -> d.getCurrentUrl().contains("done=session"));
        assertTrue(System.nanoTime() - started < 60_000_000_000L, "recorded in under a minute");

        // referral-service hears of the session through Kafka: the referral turns ACTIVE
        browser.awaitAfterReloads(d -> "Active".equals(d.findElement(By.id("referral-status")).getText()));
        assertTrue(browser.driver.findElement(By.id("sessions")).getText()
                .contains("Talked about the first weeks after diagnosis"));
        browser.open("/peer/concerns/new?referralId=" + matched.referral());
        browser.screen("peer-raise-concern");

        // a group the peer facilitates, the person on its register since its last meeting: the next register
        String group = suite.as(SESSION, "coordinator").body(Map.of("name", "Living with MS", "focus",
                        "Living with multiple sclerosis", "leadership", "PEER_LED",
                        "facilitators", List.of(matched.peer().toString()), "capacity", 8))
                .post("/groups").then().statusCode(201).extract().path("id");
        suite.asPeer(SESSION, matched.peer()).body(Map.of("startedAt",
                        java.time.OffsetDateTime.now().minusDays(7).toString(), "durationMinutes", 90,
                        "medium", "VIDEO", "attendance", List.of(Map.of("referralId", matched.referral(),
                                "attendance", "ATTENDED"))))
                .post("/groups/" + group + "/meetings").then().statusCode(201);
        browser.open("/peer/groups");
        browser.driver.findElement(By.linkText("Living with MS")).click();
        browser.await(d -> d.getPageSource().contains("Member " + matched.referral().substring(0, 8)));
        browser.screen("peer-group-register");
    }

    @Test
    void aPeerWorkerAddsAGoalInThePersonsWordsAndRatesItInTheirNextSession() throws Exception {
        Matched matched = matched("Goalsetter", "195967001", "Asthma");
        browser.signIn("peer-worker", matched.peer(), null, null);
        browser.open("/peer/people/" + matched.referral());
        browser.driver.findElement(By.id("add-goal")).click();
        browser.await(d -> !d.findElements(By.id("save-goal")).isEmpty());
        browser.screen("peer-add-goal");

        // nothing filled in: each field says what it needs, and nothing is saved
        browser.driver.findElement(By.id("save-goal")).click();
        browser.await(d -> !d.findElements(By.className("nhsuk-error-summary")).isEmpty());
        assertTrue(browser.text("f-text-error").contains("must say what the goal is"), browser.text("f-text-error"));
        assertTrue(browser.text("f-focus-error").contains("must name the area"), browser.text("f-focus-error"));
        browser.screen("peer-add-goal-errors");
        assertEquals(0, suite.asPeer(SESSION, matched.peer()).get("/referrals/" + matched.referral() + "/goals")
                .then().statusCode(200).extract().jsonPath().getInt("total"));

        browser.driver.findElement(By.id("f-text")).sendKeys("Walk to the park and back without my inhaler");
        browser.driver.findElement(By.cssSelector("label[for='f-focus-0']")).click();
        browser.driver.findElement(By.id("f-rating")).sendKeys("3");
        browser.driver.findElement(By.id("save-goal")).click();
        browser.await(d -> d.getCurrentUrl().contains("done=goal"));
        assertTrue(browser.text("notice").endsWith("Goal added."), browser.text("notice"));
        String goals = browser.text("goals");
        assertTrue(goals.contains("Walk to the park and back without my inhaler") && goals.contains("Not started")
                && goals.contains("3 ("), goals);

        // the next session reviews it: the rating moves on and the goal is under way
        browser.driver.findElement(By.id("record-session")).click();
        browser.await(d -> !d.findElements(By.id("save-session")).isEmpty());
        String goalId = suite.asPeer(SESSION, matched.peer()).get("/referrals/" + matched.referral() + "/goals")
                .then().statusCode(200).extract().path("items[0].id");
        browser.driver.findElement(By.cssSelector("label[for='f-focus-0']")).click();
        browser.driver.findElement(By.id("rating-" + goalId)).sendKeys("5");
        new Select(browser.driver.findElement(By.id("status-" + goalId))).selectByValue("IN_PROGRESS");
        browser.driver.findElement(By.id("save-session")).click();
        browser.await(d -> d.getCurrentUrl().contains("done=session"));
        goals = browser.text("goals");
        assertTrue(goals.contains("In progress") && goals.contains("3 (") && goals.contains("→ 5 ("), goals);
    }

    private static void tabTo(ConsoleBrowser browser, String id) {
        for (int i = 0; i < 80; i++) {
            WebElement active = browser.driver.switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return;
            }
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    @Test
    void aPeerWorkerCannotOpenAnotherPeersPersonEvenByGuessingTheAddress() throws Exception {
        Matched mine = matched("Mine", "69896004", "Rheumatoid arthritis");
        Matched theirs = matched("Theirs", "82423001", "Chronic pain");
        browser.signIn("peer-worker", mine.peer(), null, null);
        browser.open("/peer/people/" + theirs.referral());
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("Page not found"));
        assertFalse(browser.driver.getPageSource().contains("Theirs Journey"));
        browser.open("/peer/people/" + theirs.referral() + "/sessions/new");
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("Page not found"));
        browser.assertAccessible("not found");
        // the same guess, as the browser sends it: a 404, never the person's name
        String cookie = devSession("peer-worker", mine.peer());
        RestAssured.given().baseUri(console).cookie("alongside_dev_session", cookie).redirects().follow(false)
                .get("/peer/people/" + theirs.referral()).then().statusCode(404);
    }

    @Test
    void aSupervisorAcknowledgesAnImmediateRiskConcern() throws Exception {
        Matched matched = matched("Concern", "53741008", "Coronary arteriosclerosis");
        // the console's development supervisor supervises this peer, so is responsible for the concern and may see
        // who it is about while it is open
        superviseByTheDevelopmentSupervisor(matched.peer());
        String concern = suite.asPeer(SESSION, matched.peer()).body(Map.of("referralId", matched.referral(),
                        "category", "SELF_NEGLECT", "description", "Not eating since the diagnosis",
                        "immediateRisk", true))
                .post("/safeguarding/concerns").then().statusCode(201).extract().path("id");
        browser.signIn("supervisor", null, null, null);
        assertEquals("/supervisor/concerns", browser.path());
        browser.await(d -> !d.findElements(By.id("acknowledge-" + concern)).isEmpty());
        assertTrue(browser.text("concern-section-" + concern).contains("Immediate risk"));
        // the supervisor responsible for an open concern sees who is at risk and how to reach them
        browser.awaitAfterReloads(d -> d.findElement(By.id("concern-section-" + concern)).getText()
                .contains("Concern Journey"));
        browser.screen("supervisor-concerns");

        // the immediate risk alerted the peer's supervisor: the feed lists it to acknowledge, and the alert has
        // its own page, where its email links
        browser.open("/alerts");
        browser.awaitAfterReloads(d -> !d.findElements(By.cssSelector("[id^='acknowledge-alert-']")).isEmpty());
        browser.screen("supervisor-alerts");
        String alert = browser.driver.findElement(By.cssSelector("[id^='acknowledge-alert-']")).getAttribute("id")
                .substring("acknowledge-alert-".length());
        browser.open("/alerts/" + alert);
        assertEquals(1, browser.driver.findElements(By.cssSelector("[id^='alert-section-']")).size());
        assertEquals("Safeguarding alert", browser.driver.findElement(By.tagName("h1")).getText());
        browser.screen("supervisor-alert");

        browser.open("/supervisor/concerns");
        browser.driver.findElement(By.id("acknowledge-" + concern)).click();
        browser.await(d -> d.getCurrentUrl().contains("done=acknowledged"));
        assertEquals("Acknowledged", browser.text("concern-status-" + concern));
        browser.open("/supervisor/overdue");
        browser.screen("supervisor-overdue-supervision");
        browser.open("/supervisor/supervisees");
        // the supervisee's caseload in figures: their one person, matched today, so not out of contact
        browser.awaitAfterReloads(d -> !d.findElements(By.id("peer-" + matched.peer())).isEmpty());
        assertTrue(supervisee(browser, matched.peer())
                .contains("1 person; 0 with no contact for 14 days or more."));
        browser.screen("supervisor-supervisees");
        browser.driver.findElement(By.cssSelector("a[href='/supervisor/supervisees/" + matched.peer()
                + "/supervision']")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/supervision"));
        browser.screen("supervisor-record-supervision");

        // the peer who raised it sees on the person's page that it was taken on
        browser.signOut();
        browser.signIn("peer-worker", matched.peer(), null, null);
        browser.open("/peer/people/" + matched.referral());
        String raised = browser.text("concern-" + concern);
        assertTrue(raised.contains("Self neglect") && raised.contains("Immediate risk")
                && raised.contains("Acknowledged"), raised);
        browser.assertAccessible("peer-person with a concern");
    }

    @Test
    void aCoordinatorFindsAPersonByNhsNumberCorrectsTheirPhoneAndABadNumberShowsBesideItsField() throws Exception {
        String nhsNumber = NhsNumbers.next();
        String referral = Journeys.refer(suite, Journeys.referral("Findable", nhsNumber, "LS6 2AB", "13645005",
                "Chronic obstructive lung disease"));
        browser.signIn("coordinator", null, null, null);
        browser.driver.findElement(By.id("f-nhsNumber")).sendKeys(nhsNumber.substring(0, 3) + " "
                + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6));
        browser.driver.findElement(By.id("find")).click();
        browser.await(d -> d.findElement(By.id("results")).getText().contains("1 referral,"));
        browser.screen("coordinator-find");
        browser.driver.findElement(By.linkText("Findable Journey")).click();
        browser.await(d -> !d.findElements(By.id("edit-details")).isEmpty());
        browser.driver.findElement(By.id("edit-details")).click();
        browser.await(d -> !d.findElements(By.id("save-details")).isEmpty());
        browser.screen("coordinator-edit-details");

        // a phone number that is not one: the service's error beside the field, what was typed kept
        WebElement phone = browser.driver.findElement(By.id("f-person-phone"));
        phone.clear();
        phone.sendKeys("not a phone");
        browser.driver.findElement(By.id("save-details")).click();
        browser.await(d -> !d.findElements(By.id("f-person-phone-error")).isEmpty());
        assertTrue(browser.text("f-person-phone-error").contains("phone number"));
        assertEquals("not a phone", browser.driver.findElement(By.id("f-person-phone")).getAttribute("value"));
        browser.screen("coordinator-edit-details-errors");

        phone = browser.driver.findElement(By.id("f-person-phone"));
        phone.clear();
        phone.sendKeys("0113 496 0999");
        browser.driver.findElement(By.id("save-details")).click();
        browser.await(d -> d.getCurrentUrl().contains("done=corrected"));
        assertTrue(browser.driver.getPageSource().contains("0113 496 0999"));
        assertEquals("0113 496 0999", suite.as(Suite.Service.REFERRAL, "coordinator")
                .get("/referrals/" + referral).then().statusCode(200).extract().path("person.phone"));

        // the contact log: an attempt logged shows on the referral's page
        browser.driver.findElement(By.id("log-attempt")).click();
        browser.await(d -> !d.findElements(By.id("log-attempt-submit")).isEmpty());
        browser.driver.findElement(By.id("f-method-0")).click();
        browser.driver.findElement(By.id("f-outcome-1")).click();
        browser.screen("coordinator-contact-attempt");
        browser.driver.findElement(By.id("log-attempt-submit")).click();
        browser.await(d -> d.getCurrentUrl().contains("done=attempt-logged"));
        assertTrue(browser.text("contact-log").contains("No answer"));
        browser.screen("coordinator-referral-contact-log");

        // two more tries that fail: the person is unable to contact, and the worklist's filter lists them
        for (int i = 0; i < 2; i++) {
            suite.as(Suite.Service.REFERRAL, "coordinator").body(Map.of("attemptedAt",
                            java.time.OffsetDateTime.now().minusMinutes(2 - i).toString(), "method", "PHONE",
                            "outcome", "NO_ANSWER"))
                    .post("/referrals/" + referral + "/contact-attempts").then().statusCode(201);
        }
        browser.open("/coordinator/worklist?unableToContact=true");
        assertTrue(browser.driver.findElement(By.id("f-unableToContact")).isSelected());
        assertTrue(browser.text("worklist").contains("Findable Journey"));
        assertTrue(browser.text("worklist").contains("Unable to contact"));
        browser.screen("coordinator-unable-to-contact");

        // an NHS number whose check digit is wrong: the service's error beside the field, what was typed kept
        browser.open("/coordinator/worklist");
        String wrong = nhsNumber.substring(0, 9) + ((nhsNumber.charAt(9) - '0' + 1) % 10);
        browser.driver.findElement(By.id("f-nhsNumber")).sendKeys(wrong);
        browser.driver.findElement(By.id("find")).click();
        browser.await(d -> !d.findElements(By.id("f-nhsNumber-error")).isEmpty());
        assertTrue(browser.text("f-nhsNumber-error").contains("NHS number"));
        assertEquals(wrong, browser.driver.findElement(By.id("f-nhsNumber")).getAttribute("value"));
        browser.screen("coordinator-worklist-errors");
    }

    @Test
    void aPeerLeavesAndTheirPersonIsTransferredWithBothPeersInTheirHistory() throws Exception {
        Matched matched = matched("Transfer", "46635009", "Type 1 diabetes mellitus");
        UUID next = Journeys.createPeer(suite, "46635009", "Type 1 diabetes mellitus", 3);
        suite.as(MATCHING, "coordinator").body(Map.of("displayName", "Sam (peer)",
                        "livedExperience", List.of(Map.of("snomedCode", "46635009",
                                "display", "Type 1 diabetes mellitus", "kind", "PHYSICAL")),
                        "experiences", List.of("carer"), "gender", "FEMALE", "languages", List.of("en"),
                        "settings", List.of("ONE_TO_ONE"), "media", List.of("IN_PERSON", "TELEPHONE"),
                        "capacity", 3, "status", "LEFT"))
                .put("/peers/" + matched.peer()).then().statusCode(200);
        browser.signIn("coordinator", null, null, null);
        browser.open("/coordinator/peers/" + matched.peer());
        browser.await(d -> !d.findElements(By.id("transfer-0-submit")).isEmpty());
        assertTrue(browser.driver.getPageSource().contains("Transfer Journey"));
        browser.screen("coordinator-peer-transfer");
        new Select(browser.driver.findElement(By.id("transfer-peer-0"))).selectByValue(next.toString());
        browser.driver.findElement(By.id("transfer-0-submit")).click();
        browser.await(d -> d.getCurrentUrl().contains("transferred="));

        browser.open("/coordinator/referrals/" + matched.referral());
        browser.awaitAfterReloads(d -> d.findElement(By.id("match-history")).findElements(By.tagName("tr"))
                .size() == 3);
        assertTrue(browser.text("match-history").contains("Transferred"));
        browser.screen("coordinator-match-history");
    }

    @Test
    void aCoordinatorSetsAPeerOnLeaveThenLeftAndSeesTheirPeopleToTransfer() throws Exception {
        // a code the taxonomy does not know matches only itself: no other journey test's peer shares it
        Matched matched = matched("Leave", "230690007", "Cerebrovascular accident");
        browser.signIn("coordinator", null, null, null);
        browser.open("/coordinator/peers/" + matched.peer());
        browser.await(d -> !d.findElements(By.id("save-status")).isEmpty());
        assertTrue(browser.driver.findElement(By.id("f-status-0")).isSelected(), "ACTIVE, as held");

        // on leave with no places: fewer than the one person the peer supports, which matching-service refuses
        // (409), beside the field, with what was chosen and typed kept
        browser.driver.findElement(By.cssSelector("label[for='f-status-1']")).click();
        browser.driver.findElement(By.id("f-capacity")).clear();
        browser.driver.findElement(By.id("f-capacity")).sendKeys("0");
        browser.driver.findElement(By.id("save-status")).click();
        browser.await(d -> !d.findElements(By.id("f-capacity-error")).isEmpty());
        assertTrue(browser.text("f-capacity-error").contains("at least"), browser.text("f-capacity-error"));
        assertTrue(browser.driver.findElement(By.className("nhsuk-error-summary")).getText().contains("Places"));
        assertEquals("0", browser.driver.findElement(By.id("f-capacity")).getAttribute("value"));
        assertTrue(browser.driver.findElement(By.id("f-status-1")).isSelected());
        assertEquals("ACTIVE", peerStatus(matched.peer()));
        browser.screen("coordinator-peer-status-errors");

        browser.driver.findElement(By.id("f-capacity")).clear();
        browser.driver.findElement(By.id("f-capacity")).sendKeys("2");
        browser.driver.findElement(By.id("save-status")).click();
        browser.await(d -> d.getCurrentUrl().contains("done=status"));
        assertEquals("ON_LEAVE", peerStatus(matched.peer()));
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("On leave"));
        assertTrue(browser.text("to-transfer").contains("Transfer the 1 person"));
        assertTrue(browser.text("transfer-0").contains("Leave Journey"));
        browser.screen("coordinator-peer-status");

        // then they leave: the same person, now to transfer because the peer left
        browser.driver.findElement(By.cssSelector("label[for='f-status-2']")).click();
        browser.driver.findElement(By.id("save-status")).click();
        browser.await(d -> d.findElement(By.tagName("h1")).getText().contains("Left"));
        assertEquals("LEFT", peerStatus(matched.peer()));
        browser.driver.findElement(By.cssSelector("#to-transfer a")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("#people"));
        assertEquals("PEER_LEFT", new Select(browser.driver.findElement(By.id("transfer-reason-0")))
                .getFirstSelectedOption().getAttribute("value"));
        assertTrue(browser.text("transfer-0").contains("Leave Journey"));
        // everything else in the profile is as it was: the console changed only status and places
        var profile = suite.as(MATCHING, "coordinator").get("/peers/" + matched.peer()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, profile.getInt("capacity"));
        assertEquals("230690007", profile.getString("livedExperience[0].snomedCode"));
        assertEquals(List.of("carer"), profile.getList("experiences"));
        assertEquals(List.of("IN_PERSON", "TELEPHONE"), profile.getList("media"));
    }

    private static String peerStatus(UUID peer) {
        return suite.as(MATCHING, "coordinator").get("/peers/" + peer).then().statusCode(200).extract()
                .path("status");
    }

    @Test
    void aReferrerSeesWhereTheirReferralsStandAndABadFormShowsEachFieldsProblem() throws Exception {
        String ods = "C84016";
        String referral = suite.bearer(Suite.Service.REFERRAL, Tokens.referrer(ods))
                .body(Map.of("referrer", Map.of("type", "GP_PRACTICE", "odsCode", ods),
                        "person", Map.of("nhsNumber", NhsNumbers.next(), "givenName", "Referred",
                                "familyName", "Status", "birthDate", "1980-05-06"),
                        "conditions", List.of(Map.of("snomedCode", "13645005", "display", "Chronic obstructive lung disease (COPD)", "kind", "PHYSICAL")),
                        "reason", "Breathless and alone", "consent", Map.of("peerSupport", true)))
                .post("/referrals").then().statusCode(201).extract().path("id");
        Journeys.accept(suite, referral);
        browser.signIn("referrer", null, null, ods);
        assertEquals("/referrer/referrals", browser.path());
        assertEquals("ACCEPTED", browser.driver.findElement(By.cssSelector("[data-referral='" + referral + "']"))
                .getText());
        browser.screen("referrer-referrals");

        browser.open("/referrer/new");
        browser.screen("referrer-form");
        browser.driver.findElement(By.id("f-person-givenName")).sendKeys("Kept");
        browser.driver.findElement(By.id("f-person-nhsNumber")).sendKeys("123 456 7890");
        browser.driver.findElement(By.id("f-person-birthDate")).sendKeys("01022999");
        browser.driver.findElement(By.id("send-referral")).click();
        browser.await(d -> !d.findElements(By.className("nhsuk-error-summary")).isEmpty());
        String summary = browser.driver.findElement(By.className("nhsuk-error-summary")).getText();
        assertTrue(summary.contains("Family name"), summary);
        assertTrue(summary.contains("NHS number"), summary);
        assertTrue(browser.text("f-person-familyName-error").contains("must not be blank"));
        assertFalse(browser.text("f-person-nhsNumber-error").isBlank());
        assertEquals("Kept", browser.driver.findElement(By.id("f-person-givenName")).getAttribute("value"));
        assertEquals("123 456 7890", browser.driver.findElement(By.id("f-person-nhsNumber"))
                .getAttribute("value"));
        browser.screen("referrer-form-errors");
    }

    @Test
    void aCommissionerSeesTheDashboardWithoutTheTokenEverInAUrl() throws Exception {
        browser.signIn("commissioner", null, null, null);
        assertEquals("/commissioner/dashboard", browser.path());
        // the figures are the service's own (events of earlier tests may still be arriving: read both again)
        browser.awaitAfterReloads(d -> Journeys.summary(suite).getString("referralsReceived")
                .equals(d.findElement(org.openqa.selenium.By.id("headline-referralsReceived")).getText()));
        String csvLink = browser.driver.findElement(By.id("csv-download")).getAttribute("href");
        assertFalse(csvLink.contains("token"), csvLink);
        // the workforce and delivery tables hold the service's categories, in its order
        JsonPath delivery = Journeys.summary(suite).setRootPath("delivery");
        assertTrue(browser.text("delivery-supervised").endsWith("% of peers with a caseload"),
                browser.text("delivery-supervised"));
        for (String table : List.of("supervision", "sharedLivedExperience", "signpostingByCategory")) {
            List<String> labels = delivery.getList(table + ".label", String.class);
            String id = switch (table) {
                case "sharedLivedExperience" -> "shared-lived-experience";
                case "signpostingByCategory" -> "signposting";
                default -> table;
            };
            assertEquals(labels, browser.driver.findElements(By.cssSelector("#" + id + " tbody tr td:first-child"))
                    .stream().map(WebElement::getText).toList(), id);
        }
        browser.screen("commissioner-dashboard");
        Select groupBy = new Select(browser.driver.findElement(By.id("f-groupBy")));
        assertTrue(groupBy.getOptions().stream().map(WebElement::getText).toList()
                .containsAll(List.of("Referrer organisation", "IMD decile", "Ethnicity", "Age band")));
        groupBy.selectByValue("referrerType");
        browser.driver.findElement(By.id("show-period")).click();
        browser.await(d -> !d.findElements(By.id("breakdown-table")).isEmpty());
        assertFalse(browser.driver.getCurrentUrl().contains("token"));
        String cookie = devSession("commissioner", null);
        String csv = RestAssured.given().baseUri(console).cookie("alongside_dev_session", cookie)
                .get("/commissioner/dashboard.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("section,key,label,measure,value"), csv.lines().findFirst().orElse(""));
    }

    @Test
    void anExpiredSessionSignsInAgainAndComesBackToTheSamePage() throws Exception {
        browser.open("/sign-in");
        browser.driver.manage().addCookie(new Cookie.Builder("alongside_dev_session", Tokens.expired("coordinator"))
                .path("/").isHttpOnly(true).isSecure(true).build());
        browser.open("/coordinator/waiting");
        browser.await(d -> d.getCurrentUrl().contains("/sign-in?return="));
        browser.screen("sign-in");
        browser.signInHere("coordinator", null, null, null);
        assertEquals("/coordinator/waiting", browser.path());
        browser.screen("coordinator-waiting");
        browser.open("/coordinator/peers");
        browser.screen("coordinator-peers");
    }

    @Test
    void aServiceThatIsDownShowsWhichPartIsUnavailableAndNoStackTrace() throws Exception {
        Matched matched = matched("Outage", "363346000", "Malignant neoplastic disease");
        // a console whose session-service is nowhere: the part of each page that comes from it is unavailable
        ServiceProcess broken = suite.startConsole("console-without-sessions", Map.of(
                "quarkus.rest-client.session.url", "http://127.0.0.1:" + FreePorts.next()));
        ConsoleBrowser there = browser.at(broken.localhostUrl());
        try {
            there.signIn("coordinator", null, null, null);
            there.open("/coordinator/referrals/" + matched.referral());
            assertTrue(there.driver.getPageSource().contains("Sessions cannot be shown right now: the Sessions "
                    + "service is not available"));
            assertTrue(there.driver.getPageSource().contains("Outage Journey"), "the rest of the page is there");
            there.open("/supervisor/concerns");
            assertTrue(there.text("unavailable-service").contains("Sessions"));
            assertFalse(there.driver.getPageSource().contains("Exception"));
            there.assertAccessible("unavailable");

            // a supervisor's supervisees still list, each saying their caseload is what cannot be shown
            superviseByTheDevelopmentSupervisor(matched.peer());
            there.signOut();
            there.signIn("supervisor", null, null, null);
            there.open("/supervisor/supervisees");
            there.awaitAfterReloads(d -> !d.findElements(By.id("peer-" + matched.peer())).isEmpty());
            assertTrue(supervisee(there, matched.peer()).contains("The caseload cannot be shown right now: the "
                    + "Sessions service is not available"));
        } finally {
            broken.stop();
        }
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedAndPagesAllowNoInlineScriptOrFraming() {
        String referral = Journeys.refer(suite, Journeys.referral("Forged", NhsNumbers.next(), "LS6 2AB", "44054006",
                "Type 2 diabetes mellitus"));
        String session = devSession("coordinator", null);
        // a page elsewhere posting the coordinator's browser to accept: no CSRF token, refused, nothing changes
        RestAssured.given().baseUri(console).cookie("alongside_dev_session", session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("x", "y")
                .post("/coordinator/referrals/" + referral + "/accept").then().statusCode(400);
        assertEquals("RECEIVED", Journeys.status(suite, referral));
        RestAssured.given().baseUri(console).cookie("alongside_dev_session", session)
                .get("/coordinator/referrals/" + referral).then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store")
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(" style=\"")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(" onclick=")));
        // what a page ships, as it travels (gzip): the NHS design system's CSS, htmx and the console's script
        long shipped = 0;
        for (String asset : List.of("/assets/console.css", "/assets/htmx.min.js", "/assets/console.js")) {
            byte[] body = RestAssured.given().baseUri(console).header("Accept-Encoding", "gzip")
                    .config(RestAssured.config().decoderConfig(io.restassured.config.DecoderConfig.decoderConfig()
                            .noContentDecoders()))
                    .get(asset).then().statusCode(200).header("Content-Encoding", "gzip").extract().asByteArray();
            shipped += body.length;
        }
        assertTrue(shipped < 100 * 1024, "a page ships " + shipped + " bytes of CSS and JavaScript");
    }

    record Matched(String referral, UUID peer) {
    }

    /** Registers the console's development supervisor and assigns them to the peer, as a coordinator would. */
    private static void superviseByTheDevelopmentSupervisor(UUID peer) {
        suite.as(SESSION, "admin").body(Map.of("displayName", "Dev supervisor", "email", "supervisor@trust.example",
                "active", true)).put("/supervisors/" + DEV_SUPERVISOR).then().statusCode(200);
        suite.as(SESSION, "coordinator").body(Map.of("supervisor", DEV_SUPERVISOR))
                .put("/peers/" + peer + "/supervisor").then().statusCode(200);
    }

    /** What the supervisees page says of this peer. */
    private static String supervisee(ConsoleBrowser browser, UUID peer) {
        return browser.driver.findElement(By.cssSelector("section[aria-labelledby='peer-" + peer + "']")).getText();
    }

    /**
     * A person referred, accepted and matched with a new peer of their own, through the APIs; each test names a
     * condition (from the shared reference) that no other journey test uses, so that this peer is proposed.
     */
    private static Matched matched(String givenName, String snomedCode, String display) {
        UUID peer = Journeys.createPeer(suite, snomedCode, display, 3);
        String referral = Journeys.refer(suite, Journeys.referral(givenName, NhsNumbers.next(), "LS6 2AB",
                snomedCode, display));
        Journeys.accept(suite, referral);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> Journeys.proposalsStatus(suite, referral) == 200
                        && Journeys.proposals(suite, referral).getList("proposals.peerId").contains(peer.toString()));
        String proposal = Journeys.proposals(suite, referral).getString("proposals.find { it.peerId == '" + peer
                + "' }.id");
        suite.as(MATCHING, "coordinator").post("/proposals/" + proposal + "/accept").then().statusCode(200);
        // the peer sees the person once session-service has heard of the match, referral-service too
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> "MATCHED".equals(Journeys.status(suite, referral)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> suite.asPeer(SESSION, peer).get("/referrals/" + referral + "/goals").statusCode() == 200);
        return new Matched(referral, peer);
    }

    /** The development session cookie the console sets after sign-in, for requests without a browser. */
    private static String devSession(String role, UUID peerId) {
        var request = RestAssured.given().baseUri(console).redirects().follow(false);
        String csrf = request.get("/sign-in").then().statusCode(200).extract().cookie("csrf-token");
        var form = RestAssured.given().baseUri(console).redirects().follow(false).cookie("csrf-token", csrf)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .formParam("role", role).formParam("return", "/");
        if (peerId != null) {
            form.formParam("peerId", peerId.toString());
        }
        return form.post("/sign-in").then().statusCode(303).extract().cookie("alongside_dev_session");
    }
}
