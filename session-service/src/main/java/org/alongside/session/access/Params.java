package org.alongside.session.access;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;

/**
 * Query parameters parsed here rather than by JAX-RS, which answers a malformed query parameter with 404: a client
 * that sends a bad value gets a 400 naming it.
 */
public final class Params {

    private Params() {
    }

    public static UUID requiredUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "is required");
        }
        return uuid(name, value);
    }

    public static UUID optionalUuid(String name, String value) {
        return value == null || value.isBlank() ? null : uuid(name, value);
    }

    public static <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Boolean optionalBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "'" + value + "' is not true or false");
        };
    }

    /** Checked here so the problem names the parameter (bean validation reports query parameters by method). */
    public static void checkPage(int page, int size) {
        if (page < 0 || page > PageNumber.MAX) {
            throw ProblemException.invalid("page", "must be between 0 and " + PageNumber.MAX);
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "must be between 1 and 200");
        }
    }

    /**
     * One page of a list already read whole (and filtered to the caller's scope): these lists are a person's or a
     * peer's records, short enough to read at once, and the scope rules are not all expressible in a query.
     */
    public static <T> Page<T> page(List<T> all, int page, int size) {
        checkPage(page, size);
        int from = (int) Math.min((long) page * size, all.size());
        return new Page<>(List.copyOf(all.subList(from, Math.min(from + size, all.size()))), page, size, all.size());
    }

    private static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not a UUID");
        }
    }
}
