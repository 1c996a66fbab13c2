package org.alongside.console.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token for the layout's sign-out form, where this request has one: an error page for an address no page
 * answers (the CSRF filter never ran) still renders, just without the form. Pages' own forms use {@code inject:csrf}.
 */
@RequestScoped
@Named("csrfToken")
public class CsrfToken {

    private final RoutingContext context;
    private final String fieldName;

    CsrfToken(RoutingContext context,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token") String fieldName) {
        this.context = context;
        this.fieldName = fieldName;
    }

    public String value() {
        Object token = context.get("csrf-token");
        return token == null ? "" : token.toString();
    }

    public String fieldName() {
        return fieldName;
    }
}
