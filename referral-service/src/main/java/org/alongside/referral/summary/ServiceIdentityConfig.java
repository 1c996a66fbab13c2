package org.alongside.referral.summary;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * How referral-service proves who it is when it calls the other services on its own account, with no caller's token
 * to pass on ({@code alongside.service-identity.*}): in production an OAuth 2.0 client credentials grant at the
 * identity provider, whose token carries the role the provider gives this client (coordinator, to read a person's
 * sessions, goals, signposting and outcomes); on the local stack and in tests a token it signs itself with the
 * development key, which only they trust.
 */
@ConfigMapping(prefix = "alongside.service-identity")
public interface ServiceIdentityConfig {

    /** The identity provider's token endpoint (client credentials grant). */
    Optional<URI> tokenUrl();

    Optional<String> clientId();

    Optional<String> clientSecret();

    /** deploy/local/dev-keys (holding private.pem): the local stack's and the tests' self-signed identity. */
    Optional<String> devKeyDirectory();

    @WithDefault("https://alongside.local/dev-issuer")
    String devIssuer();
}
