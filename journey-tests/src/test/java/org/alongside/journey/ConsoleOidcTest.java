package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.alongside.platform.testing.Databases;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Signing in to the console as production does: OpenID Connect authorization-code flow (with PKCE) through a real
 * identity provider's login page, Keycloak, whose users carry what the services expect (groups with the role,
 * odsCode, sub). referral-service here trusts only Keycloak's JWKS and issuer, and the console passes it the access
 * token of the session: a referral sent from the console's form by a referrer who signed in at Keycloak arrives as
 * that referrer's organisation's, and the referrer sees where it stands.
 */
class ConsoleOidcTest {

    private static KeycloakServer keycloak;
    private static KafkaBroker broker;
    private static ServiceProcess referral;
    private static ServiceProcess console;

    @BeforeAll
    static void start() throws Exception {
        keycloak = new KeycloakServer();
        broker = KafkaBroker.create();
        broker.format();
        broker.start();
        String database = Databases.testName("alongside_referral_oidc");
        Databases.recreate(database);
        // the local profile trusts the development key; here it is told to trust Keycloak instead
        referral = new ServiceProcess(Suite.Service.REFERRAL, "oidc-referral-service", Map.of(
                "quarkus.datasource.jdbc.url", Databases.jdbcUrl(database),
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "%local.mp.jwt.verify.publickey.location", keycloak.jwks(),
                "%local.mp.jwt.verify.issuer", keycloak.issuer()));
        referral.start();
        Map<String, String> properties = new HashMap<>(Map.of(
                "quarkus.rest-client.referral.url", referral.url(),
                "%local.quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", keycloak.issuer(),
                "quarkus.oidc.client-id", KeycloakServer.CLIENT_ID,
                "quarkus.oidc.credentials.secret", KeycloakServer.CLIENT_SECRET));
        console = ServiceProcess.console("oidc-console", properties);
        console.start();
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.stop();
        }
        if (referral != null) {
            referral.stop();
        }
        if (broker != null) {
            broker.destroy();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aReferrerSignsInAtTheIdentityProviderRefersSomeoneAndSeesWhereItStands() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(console.localhostUrl())) {
            browser.open("/referrer/referrals");
            // the identity provider's own login page, reached through the authorization-code flow
            browser.await(d -> d.getCurrentUrl().startsWith(keycloak.issuer() + "/protocol/openid-connect/auth"));
            assertTrue(browser.driver.getCurrentUrl().contains("code_challenge="), "PKCE");
            browser.driver.findElement(By.id("username")).sendKeys("rene.referrer");
            browser.driver.findElement(By.id("password")).sendKeys("alongside-referrer");
            browser.driver.findElement(By.id("kc-login")).click();
            browser.await(d -> d.getCurrentUrl().startsWith(console.localhostUrl() + "/referrer/referrals"));
            assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("B82001"));
            assertEquals("Rene Referrer", browser.text("signed-in-as"));

            Cookie session = browser.driver.manage().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session")).findFirst().orElseThrow();
            assertTrue(session.isSecure() && session.isHttpOnly(), "session cookie Secure and HttpOnly");
            assertEquals("Lax", session.getSameSite());
            assertFalse(browser.driver.getCurrentUrl().contains("token"));

            browser.open("/referrer/new");
            type(browser, "f-person-givenName", "Oidc");
            type(browser, "f-person-familyName", "Person");
            type(browser, "f-person-nhsNumber", NhsNumbers.next());
            browser.driver.findElement(By.id("f-person-birthDate")).sendKeys("03041975");
            type(browser, "f-conditions-0-snomedCode", "44054006");
            type(browser, "f-conditions-0-display", "Type 2 diabetes mellitus");
            type(browser, "f-reason", "I want to meet someone who manages it well");
            browser.driver.findElement(By.cssSelector("label[for='f-consent-peerSupport']")).click();
            browser.driver.findElement(By.id("send-referral")).click();
            browser.await(d -> d.getCurrentUrl().contains("done=referred"));
            String row = browser.driver.findElement(By.id("referrals")).getText();
            assertTrue(row.contains("Oidc Person") && row.contains("RECEIVED"), row);
        }
    }

    private static void type(ConsoleBrowser browser, String id, String text) {
        browser.driver.findElements(By.id(id)).get(0).sendKeys(text);
    }
}
