package org.alongside.console.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person signed in to this request, whichever way they signed in: their role, the records their token scopes
 * them to ({@code peerId}, {@code odsCode}), and the token the console passes on to the services for them.
 */
@RequestScoped
@Named("signedIn")
public class SignedIn {

    public static final String PEER_ID_CLAIM = "peerId";
    public static final String ODS_CODE_CLAIM = "odsCode";

    private final SecurityIdentity identity;
    private String actingToken;

    SignedIn(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * For this request only, call the services with another token: the development sign-in page lists the peer
     * profiles to sign in as with a coordinator's development token. Nothing else uses it.
     */
    public void actAs(String token) {
        this.actingToken = token;
    }

    public boolean present() {
        return !identity.isAnonymous();
    }

    /** The first console role the token carries. */
    public Optional<Role> role() {
        return identity.isAnonymous() ? Optional.empty()
                : Role.all().stream().filter(r -> identity.hasRole(r.group)).findFirst();
    }

    public String roleLabel() {
        return role().map(r -> r.label).orElse("");
    }

    /** Who they are, as the identity provider names them. */
    public String name() {
        if (identity.isAnonymous()) {
            return "";
        }
        return claim("name").or(() -> claim("preferred_username")).orElse(identity.getPrincipal().getName());
    }

    /** The token's subject: supervisors are assigned to peers by it. */
    public Optional<String> subject() {
        return jwt().map(JsonWebToken::getSubject).filter(s -> !s.isBlank());
    }

    public Optional<UUID> peerId() {
        return claim(PEER_ID_CLAIM).flatMap(SignedIn::uuid);
    }

    public Optional<String> odsCode() {
        return claim(ODS_CODE_CLAIM);
    }

    /**
     * The bearer token for the services: the access token of an OpenID Connect session, or the development token
     * of a local sign-in.
     */
    public Optional<String> bearerToken() {
        if (actingToken != null) {
            return Optional.of(actingToken);
        }
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
        if (access != null) {
            return Optional.ofNullable(access.getToken());
        }
        return jwt().map(JsonWebToken::getRawToken);
    }

    private Optional<JsonWebToken> jwt() {
        return identity.getPrincipal() instanceof JsonWebToken token ? Optional.of(token) : Optional.empty();
    }

    private Optional<String> claim(String name) {
        return jwt().map(token -> token.<Object>getClaim(name)).map(Object::toString)
                .map(value -> value.replace("\"", "").trim()).filter(value -> !value.isEmpty());
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
