package org.alongside.referral;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.alongside.platform.testing.Tokens;

/** A valid referral body, and requests as each role. */
final class ReferralTestSupport {

    private ReferralTestSupport() {
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.as(role))).contentType(ContentType.JSON);
    }

    static RequestSpecification asReferrer(String odsCode) {
        return given().header("Authorization", Tokens.bearer(Tokens.referrer(odsCode))).contentType(ContentType.JSON);
    }

    static Map<String, Object> referral(String nhsNumber) {
        return Map.of(
                "referrer", Map.of("type", "GP_PRACTICE", "odsCode", "B82001", "name", "Dr Rowan"),
                "person", Map.of("nhsNumber", nhsNumber, "givenName", "Ada", "familyName", "Quayle",
                        "birthDate", "1961-04-09", "gender", "FEMALE", "postcode", "LS6 2AB",
                        "language", "en"),
                "conditions", java.util.List.of(
                        Map.of("snomedCode", "44054006", "display", "Type 2 diabetes mellitus", "kind", "PHYSICAL"),
                        Map.of("snomedCode", "35489007", "display", "Depressive disorder", "kind", "MENTAL")),
                "reason", "I feel on my own with the diabetes since my husband died",
                "preferences", Map.of("formats", java.util.List.of("ONE_TO_ONE", "TELEPHONE"), "sharedCondition", true),
                "consent", Map.of("peerSupport", true, "shareWithGp", true),
                "imdDecile", 2);
    }
}
