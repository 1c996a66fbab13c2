package org.alongside.console.web;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alongside.console.api.Problem;

/**
 * What a person typed into a form, and what was wrong with it: the fields are named as the service's JSON body
 * names them ("person.givenName"), so the problem+json {@code errors} of a 400 land beside the field they are about.
 * An error about a field the form does not show goes to the summary alone.
 */
@TemplateData
public final class Form {

    public record Error(String field, String id, String message) {
    }

    private final MultivaluedMap<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private Form(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    public static Form empty() {
        return new Form(new MultivaluedHashMap<>());
    }

    public static Form of(MultivaluedMap<String, String> values) {
        return new Form(values == null ? new MultivaluedHashMap<>() : values);
    }

    /** The same form with a field's starting value (a default a person may change). */
    public Form with(String field, String value) {
        if (values.getFirst(field) == null) {
            values.putSingle(field, value);
        }
        return this;
    }

    public Form rejected(Problem problem) {
        if (problem.errors().isEmpty()) {
            errors.put("", problem.message());
        }
        for (Problem.FieldError error : problem.errors()) {
            errors.merge(error.field() == null ? "" : error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        return this;
    }

    public Form invalid(String field, String message) {
        errors.merge(field, message, (a, b) -> a + "; " + b);
        return this;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public String value(String field) {
        String value = values.getFirst(field);
        return value == null ? "" : value;
    }

    public List<String> values(String field) {
        List<String> all = values.get(field);
        return all == null ? List.of() : all.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    /** A goal's rating and status as typed on the record-a-session form. */
    public String ratingOf(java.util.UUID goalId) {
        return value("rating-" + goalId);
    }

    public String goalStatusOf(java.util.UUID goalId) {
        return value("status-" + goalId);
    }

    public boolean checked(String field, String value) {
        return values(field).contains(value);
    }

    /** Whether the field, or anything inside it ("consent" for "consent.peerSupport"), has an error. */
    public boolean hasError(String field) {
        return errors.keySet().stream().anyMatch(name -> name.equals(field) || name.startsWith(field + ".")
                || name.startsWith(field + "["));
    }

    /** The error of a field and of anything inside it ("conditions" also shows "conditions[0].snomedCode"). */
    public String error(String field) {
        List<String> messages = new ArrayList<>();
        errors.forEach((name, message) -> {
            if (name.equals(field) || name.startsWith(field + ".") || name.startsWith(field + "[")) {
                messages.add(name.equals(field) ? message : message + " (" + name + ")");
            }
        });
        return String.join("; ", messages);
    }

    /** For the error summary: each problem, linking to its field. */
    public List<Error> errors() {
        List<Error> list = new ArrayList<>();
        errors.forEach((field, message) -> list.add(new Error(field, id(field),
                field.isEmpty() ? message : Labels.field(field) + " " + message)));
        return list;
    }

    /** The HTML id of a field's input: its name with what is not a letter or digit made a hyphen (a[0].b: f-a-0-b). */
    public static String id(String field) {
        String base = field.replaceAll("[^A-Za-z0-9]+", "-");
        return "f-" + base.replaceAll("-+$", "");
    }
}
