package org.alongside.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, and which records their token scopes them to. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String user() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The token's subject ({@code sub}): the caller's stable identity at the identity provider. Supervisors are
     * assigned to peers by it.
     */
    public Optional<String> subject() {
        String subject = token == null ? null : token.getSubject();
        return subject == null || subject.isBlank() ? Optional.empty() : Optional.of(subject);
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The peer profile of a peer worker's token; empty for other callers or a token without the claim. */
    public Optional<UUID> peerId() {
        return claim(Roles.PEER_ID_CLAIM).flatMap(Caller::uuid);
    }

    /** The organisation of a referrer's token. */
    public Optional<String> odsCode() {
        return claim(Roles.ODS_CODE_CLAIM).map(String::trim).filter(s -> !s.isEmpty()).map(String::toUpperCase);
    }

    private Optional<String> claim(String name) {
        Object value = token == null ? null : token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
