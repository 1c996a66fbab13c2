package org.alongside.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Bearer tokens as the local identity provider would issue them, signed with the development key. */
public final class Tokens {

    public static final String ISSUER = "https://alongside.local/dev-issuer";

    private Tokens() {
    }

    public static String as(String role) {
        return sign(claims(role));
    }

    public static String peerWorker(UUID peerId) {
        return sign(claims("peer-worker").claim("peerId", peerId.toString()));
    }

    public static String referrer(String odsCode) {
        return sign(claims("referrer").claim("odsCode", odsCode));
    }

    /**
     * A supervisor known by their token's subject ({@code sub}), as the identity provider issues it: session-service
     * assigns supervisors to peers by subject, matching-service names a peer's supervisor by it (a UUID there).
     */
    public static String supervisor(String subject) {
        return sign(Jwt.issuer(ISSUER).subject(subject).upn(subject + "@alongside.local").groups(Set.of("supervisor"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)));
    }

    public static String expired(String role) {
        return sign(claims(role).issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)));
    }

    /** A well-formed token signed by a key nobody trusts. */
    public static String wronglySigned(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(role).jws().sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JwtClaimsBuilder claims(String role) {
        return Jwt.issuer(ISSUER).subject("test-" + role).upn("test-" + role + "@alongside.local")
                .groups(Set.of(role)).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.readPrivateKey("dev-jwt/private.pem");
        } catch (Exception e) {
            throw new IllegalStateException("Development signing key not on the test classpath", e);
        }
    }
}
