package org.alongside.platform.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts between a service's own enums and the contract's, which name the same values: a service keeps its
 * vocabulary in its own types (with their API documentation and behaviour), and events carry the contract's. A
 * value the other side does not know fails loudly; each service tests that its vocabularies are the contract's.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** The constant of {@code type} named like {@code value}; null stays null. */
    public static <E extends Enum<E>> E as(Class<E> type, Enum<?> value) {
        return value == null ? null : Enum.valueOf(type, value.name());
    }

    /** Each value as a constant of {@code type}, in order; null stays null. */
    public static <E extends Enum<E>> List<E> asList(Class<E> type, Collection<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(value -> as(type, value)).toList();
    }

    /** The same keys, each value as a constant of {@code type}, in order; null stays null. */
    public static <K, E extends Enum<E>> Map<K, E> asMap(Class<E> type, Map<K, ? extends Enum<?>> values) {
        if (values == null) {
            return null;
        }
        Map<K, E> converted = new LinkedHashMap<>();
        values.forEach((key, value) -> converted.put(key, as(type, value)));
        return converted;
    }

    /** True when the two enums name the same values, in any order. */
    public static boolean same(Class<? extends Enum<?>> one, Class<? extends Enum<?>> other) {
        return names(one).equals(names(other));
    }

    private static Set<String> names(Class<? extends Enum<?>> type) {
        Set<String> names = new TreeSet<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return names;
    }
}
