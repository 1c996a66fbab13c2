package org.alongside.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final String ISSUER = "https://alongside.test/issuer";
    private static KeyPair keys;
    private static KeyPair otherKeys;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    private static String token(String user, KeyPair signer, long lifetimeSeconds) {
        return Jwt.issuer(ISSUER).upn(user).groups(Set.of(Roles.COORDINATOR))
                .expiresAt(Instant.now().plusSeconds(lifetimeSeconds).getEpochSecond()).sign(signer.getPrivate());
    }

    private static JWTAuthContextInfo context() {
        return new JWTAuthContextInfo(keys.getPublic(), ISSUER);
    }

    @Test
    void aTokenIsVerifiedOnceAndRememberedUntilItExpires() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        String token = token("coordinator-1", keys, 300);

        var first = tokens.parse(token, context());
        assertEquals("coordinator-1", first.getName());
        assertSame(first, tokens.parse(token, context()), "the second request reuses the verified token");

        now.set(now.get().plusSeconds(301));
        assertNotSame(first, tokens.parse(token, context()),
                "once past its exp the token is not served from memory but verified again");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        String forged = token("intruder", otherKeys, 300);

        assertThrows(ParseException.class, () -> tokens.parse(forged, context()));
        assertThrows(ParseException.class, () -> tokens.parse(forged, context()));
        assertEquals(0, tokens.size());
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsVerifiedOnItsOwnAndRefused() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        String token = token("coordinator-1", keys, 300);
        tokens.parse(token, context());

        String[] parts = token.split("\\.");
        String otherPayload = token("admin-1", keys, 300).split("\\.")[1];
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];
        assertThrows(ParseException.class, () -> tokens.parse(tampered, context()));
    }

    @Test
    void anExpiredTokenIsRefusedAndNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        String expired = token("coordinator-1", keys, -3600);

        assertThrows(ParseException.class, () -> tokens.parse(expired, context()));
        assertEquals(0, tokens.size());
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfDistinctTokens() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(5, clock);
        for (int i = 0; i < 23; i++) {
            tokens.parse(token("user-" + i, keys, 300), context());
        }
        assertEquals(3, tokens.size(), "emptied whenever full (at the 6th, 11th, 16th and 21st token), so only the last three remain");
    }
}
