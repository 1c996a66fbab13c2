package org.alongside.console.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.alongside.console.signin.SignedIn;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every call to a service carries the signed-in person's own token, so the service applies that person's role and
 * record scope exactly as it would for any other client. The console has no token of its own.
 */
@ApplicationScoped
public class Bearer implements ClientHeadersFactory {

    private final SignedIn signedIn;

    Bearer(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        signedIn.bearerToken().ifPresent(token -> headers.putSingle("Authorization", "Bearer " + token));
        return headers;
    }
}
