package org.alongside.referral;

import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.newNhsNumber;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.testing.Databases;
import org.junit.jupiter.api.Test;

/** Every look at a person's record is in an append-only trail an admin can query by person or by user. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void readsAndChangesOfAReferralAreAuditedAndQueryableByPersonAndUser() {
        String id = as("coordinator").body(referral("9434765919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").get("/referrals/" + id).then().statusCode(200);
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200);

        as("admin").get("/audit?referralId=" + id).then().statusCode(200)
                .body("items.operation", hasItem("POST IntakeResource.create"))
                .body("items.find { it.operation == 'POST IntakeResource.create' }.status", equalTo(201))
                .body("items.find { it.operation == 'POST IntakeResource.create' }.recordIds", equalTo(List.of(id)))
                .body("items.operation", hasItem("GET ReferralResource.get"))
                .body("items.operation", hasItem("POST ReferralResource.accept"))
                .body("items.find { it.operation == 'GET ReferralResource.get' }.actor", equalTo("test-coordinator@alongside.local"))
                .body("items.find { it.operation == 'GET ReferralResource.get' }.action", equalTo("READ"))
                .body("items.find { it.operation == 'GET ReferralResource.get' }.roles", equalTo(List.of("coordinator")))
                .body("items.find { it.operation == 'GET ReferralResource.get' }.status", equalTo(200))
                .body("items.find { it.operation == 'GET ReferralResource.get' }.client", equalTo("127.0.0.1"));
        as("admin").get("/audit?actor=test-coordinator@alongside.local&size=5").then().statusCode(200)
                .body("items.actor", hasItem("test-coordinator@alongside.local"))
                .body("items.actor", everyItem(equalTo("test-coordinator@alongside.local")))
                .body("items.size()", lessThanOrEqualTo(5));

        // a page at a time, newest first, as every list that can grow: the accept, the read, then the creation,
        // recorded once
        as("admin").get("/audit?referralId=" + id + "&size=1").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(1)).body("total", equalTo(3))
                .body("items.operation", equalTo(List.of("POST ReferralResource.accept")));
        as("admin").get("/audit?referralId=" + id + "&size=1&page=1").then().statusCode(200)
                .body("page", equalTo(1)).body("total", equalTo(3))
                .body("items.operation", equalTo(List.of("GET ReferralResource.get")));

        as("coordinator").get("/audit?referralId=" + id).then().statusCode(403);
        as("admin").get("/audit").then().statusCode(400);
    }

    @Test
    void anIntakeIsRecordedOnceWithTheReferralItCreatedAndItsRetryAsTheRetryItIs() throws SQLException {
        int before = intakesRecorded();
        String key = UUID.randomUUID().toString();
        String id = as("coordinator").header("Idempotency-Key", key).body(referral(newNhsNumber()))
                .post("/referrals").then().statusCode(201).extract().path("id");
        as("coordinator").header("Idempotency-Key", key).body(referral(newNhsNumber()))
                .post("/referrals").then().statusCode(200).body("id", equalTo(id));

        assertEquals(before + 2, intakesRecorded(), "one record for the creation, one for the retry");
        as("admin").get("/audit?referralId=" + id).then().statusCode(200)
                .body("items.operation", equalTo(List.of("POST IntakeResource.create")))
                .body("items[0].status", equalTo(201))
                .body("items[0].actor", equalTo("test-coordinator@alongside.local"))
                .body("items[0].client", equalTo("127.0.0.1"));
    }

    @Test
    void aChangeOfStatusCommitsWithItsAuditRecordAndARefusedOneIsRecordedAsRefused() throws SQLException {
        String id = as("coordinator").body(referral(newNhsNumber())).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200);
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(409);

        as("admin").get("/audit?referralId=" + id).then().statusCode(200)
                .body("items.operation", equalTo(List.of("POST ReferralResource.accept",
                        "POST ReferralResource.accept", "POST IntakeResource.create")))
                .body("items.status", equalTo(List.of(409, 200, 201)))
                .body("items[1].recordIds", equalTo(List.of(id)));
        try (Connection db = DriverManager.getConnection(Databases.jdbcUrl(Databases.testName("alongside_referral_test")),
                Databases.USER, "");
             Statement statement = db.createStatement();
             ResultSet sameTransaction = statement.executeQuery("""
                     SELECT a.xmin::text = c.xmin::text FROM audit_event a, referral_status_change c
                     WHERE a.referral_id = '%1$s' AND a.status = 200 AND c.referral_id = '%1$s'
                       AND c.to_status = 'ACCEPTED'""".formatted(id))) {
            sameTransaction.next();
            assertTrue(sameTransaction.getBoolean(1), "the accept and its audit record commit together");
        }
    }

    private static int intakesRecorded() throws SQLException {
        try (Connection db = DriverManager.getConnection(Databases.jdbcUrl(Databases.testName("alongside_referral_test")),
                Databases.USER, "");
             Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT count(*) FROM audit_event WHERE operation = 'POST IntakeResource.create'")) {
            count.next();
            return count.getInt(1);
        }
    }

    @Test
    void theTrailCannotBeRewrittenEvenByTheDatabaseOwner() throws SQLException {
        as("coordinator").get("/referrals?size=1").then().statusCode(200);
        try (Connection db = DriverManager.getConnection(Databases.jdbcUrl(Databases.testName("alongside_referral_test")),
                Databases.USER, "");
             Statement statement = db.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE audit_event SET actor = 'someone'"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM audit_event"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("TRUNCATE audit_event"));
        }
    }
}
