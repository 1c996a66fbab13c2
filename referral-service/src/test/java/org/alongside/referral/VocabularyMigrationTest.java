package org.alongside.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.alongside.platform.testing.Databases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Referrals stored with one list of formats read back in the one vocabulary of settings and media. */
class VocabularyMigrationTest {

    @Test
    void formatsBecomeSettingsAndMediaInTheOrderGivenAndOnlineBecomesOnlineText() throws Exception {
        String database = Databases.testName("alongside_referral_migration_test");
        Databases.recreate(database);
        String url = Databases.jdbcUrl(database);
        Flyway.configure().dataSource(url, Databases.USER, "")
                .locations("classpath:db/platform", "classpath:db/migration").target("4").load().migrate();
        try (Connection db = DriverManager.getConnection(url, Databases.USER, "");
             Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO referral (id, status, received_at, updated_at, referrer_type, given_name, family_name,
                                          birth_date, conditions, reason, preferences, consent_peer_support,
                                          consent_source)
                    VALUES ('11111111-1111-1111-1111-111111111111', 'ACCEPTED', now(), now(), 'SELF', 'A', 'B',
                            '1960-01-01', '[]', 'r',
                            '{"peerGender": "FEMALE", "formats": ["TELEPHONE", "GROUP", "ONLINE", "ONE_TO_ONE"],
                              "sharedCondition": true}', TRUE, 'SELF_REFERRAL'),
                           ('22222222-2222-2222-2222-222222222222', 'RECEIVED', now(), now(), 'SELF', 'C', 'D',
                            '1970-01-01', '[]', 'r', '{"formats": []}', TRUE, 'SELF_REFERRAL')""");
        }

        Flyway.configure().dataSource(url, Databases.USER, "")
                .locations("classpath:db/platform", "classpath:db/migration").load().migrate();

        try (Connection db = DriverManager.getConnection(url, Databases.USER, "");
             Statement sql = db.createStatement()) {
            ResultSet rows = sql.executeQuery("SELECT id, preferences::text, availability::text, experiences::text "
                    + "FROM referral ORDER BY id");
            Map<String, String> preferences = new HashMap<>();
            while (rows.next()) {
                preferences.put(rows.getString(1), rows.getString(2));
                assertEquals("[]", rows.getString(3));
                assertEquals("[]", rows.getString(4));
            }
            assertEquals("{\"media\": [\"TELEPHONE\", \"ONLINE_TEXT\"], \"settings\": [\"GROUP\", \"ONE_TO_ONE\"], "
                    + "\"peerGender\": \"FEMALE\", \"sharedCondition\": true}",
                    preferences.get("11111111-1111-1111-1111-111111111111"));
            assertEquals("{\"media\": [], \"settings\": []}", preferences.get("22222222-2222-2222-2222-222222222222"));
        }
    }
}
