package org.alongside.console.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The CSRF token for the layout's sign-out form, where this request has one: an error page for an address no page
 * answers (the CSRF filter never ran) still renders, just without the form. Pages' own forms use {@code inject:csrf}.
 */
@RequestScoped
@Named("csrfToken")
public class CsrfToken {

    private final CsrfTokenParameterProvider csrf;

    CsrfToken(CsrfTokenParameterProvider csrf) {
        this.csrf = csrf;
    }

    public String value() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException noTokenForThisRequest) {
            return "";
        }
    }

    public String fieldName() {
        return csrf.getParameterName();
    }
}
