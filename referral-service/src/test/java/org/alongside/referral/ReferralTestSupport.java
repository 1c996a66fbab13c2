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
                "preferences", Map.of("settings", java.util.List.of("ONE_TO_ONE"), "media", java.util.List.of("TELEPHONE"),
                        "sharedCondition", true),
                "consent", Map.of("peerSupport", true, "shareWithGp", true),
                "imdDecile", 2);
    }

    /** A valid NHS number no other test uses: nine random digits and their modulus-11 check digit. */
    static String newNhsNumber() {
        java.util.Random random = new java.util.Random();
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = random.nextInt(10);
                digits.append(digit);
                sum += digit * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return digits.append(check == 11 ? 0 : check).toString();
            }
        }
    }

    /** Letters no other test uses, to tell this test's people apart by name. */
    static String uniqueLetters() {
        return java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
    }

    /** A referral about someone else: {@code person} entries replace the sample person's. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> referralFor(Map<String, Object> person) {
        Map<String, Object> body = new java.util.HashMap<>(referral(newNhsNumber()));
        Map<String, Object> merged = new java.util.HashMap<>((Map<String, Object>) body.get("person"));
        merged.putAll(person);
        body.put("person", merged);
        return body;
    }
}
