package org.alongside.console.api;

import java.util.List;

/** An RFC 9457 problem+json answer from a service; {@code errors} names each field that is wrong. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    /** What to tell the person: the detail, else the title. */
    public String message() {
        return detail != null && !detail.isBlank() ? detail : title != null ? title : "The request was refused";
    }
}
