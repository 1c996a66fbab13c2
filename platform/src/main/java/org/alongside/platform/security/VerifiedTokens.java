package org.alongside.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Verifies each bearer token once and remembers the result until the token expires. A GP system or a coordinator's
 * browser sends the same token for minutes, and checking its RSA signature again on every request was about a tenth
 * of intake's CPU. Only a token that verified is remembered, keyed by its exact text (signature included), and only
 * until its {@code exp}; after that it is verified afresh (and refused once past the verifier's clock skew). A token
 * without {@code exp} is never remembered. The cost: a token already used stays accepted until it expires even if
 * its signing key is withdrawn from the JWKS meanwhile; tokens here live minutes.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private record Verified(JWTCallerPrincipal principal, long expiresAtSeconds) {
    }

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;

    // @Inject is needed: with two constructors and none marked, ArC silently registers no bean at all
    @Inject
    VerifiedTokens(SecurityConfig config) {
        this(config.verifiedTokenCacheSize(), Clock.systemUTC());
    }

    VerifiedTokens(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null && now < known.expiresAtSeconds()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        Object exp = principal.getClaim(Claims.exp.name());
        long expiresAt = exp instanceof Number number ? number.longValue() : 0;
        if (capacity > 0 && expiresAt > now) {
            if (verified.size() >= capacity) {
                makeRoom(now);
            }
            verified.put(token, new Verified(principal, expiresAt));
        }
        return principal;
    }

    int size() {
        return verified.size();
    }

    /** Drops expired tokens; if every one is still live (a flood of distinct tokens), starts again from empty. */
    private void makeRoom(long now) {
        verified.values().removeIf(entry -> entry.expiresAtSeconds() <= now);
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }
}
