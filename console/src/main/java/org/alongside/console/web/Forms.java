package org.alongside.console.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reading typed values out of a form: what cannot even be read (a date that is not a date) is marked on the form
 * here; everything else is for the service to judge, whose problem+json then lands beside each field.
 */
public final class Forms {

    public static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");
    /** How a datetime-local input shows a time: to the minute. */
    public static final java.time.format.DateTimeFormatter LOCAL_MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Forms() {
    }

    public static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static Integer integer(Form form, String field) {
        String value = blank(form.value(field));
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            form.invalid(field, "must be a whole number");
            return null;
        }
    }

    /** A date and time as a datetime-local input sends it, in the service's local time (Europe/London). */
    public static OffsetDateTime dateTime(Form form, String field) {
        String value = blank(form.value(field));
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(LONDON).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            form.invalid(field, "must be a date and time like 2026-04-01T14:30");
            return null;
        }
    }

    public static UUID uuid(Form form, String field, String whenMissing) {
        String value = blank(form.value(field));
        if (value == null) {
            form.invalid(field, whenMissing);
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            form.invalid(field, whenMissing);
            return null;
        }
    }

    public static Boolean bool(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value);
    }
}
