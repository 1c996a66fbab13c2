package org.alongside.platform.query;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.alongside.platform.problem.InvalidParameterException;

/**
 * Reads the parameter types the services take in queries and paths, so that a value that cannot be read is a 400
 * naming the parameter and what it should look like ({@code status: 'OPENED' is not one of [RECEIVED, ...]}), where
 * JAX-RS alone would answer 404 without saying which one.
 */
@Provider
public class NamedParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        Function<String, Object> read = reader(rawType);
        if (read == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) read.apply(value.strip());
                } catch (RuntimeException e) {
                    throw new InvalidParameterException(name, "'" + value + "' is not " + expected(rawType));
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> constant ? constant.name() : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<String, Object> reader(Class<?> type) {
        if (type == UUID.class) {
            return UUID::fromString;
        }
        if (type == LocalDate.class) {
            return LocalDate::parse;
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime::parse;
        }
        if (type == Instant.class) {
            return Instant::parse;
        }
        if (type == Integer.class || type == int.class) {
            return Integer::valueOf;
        }
        if (type == Long.class || type == long.class) {
            return Long::valueOf;
        }
        if (type == Boolean.class || type == boolean.class) {
            return value -> switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(value);
            };
        }
        if (type.isEnum()) {
            return value -> Enum.valueOf((Class) type, value);
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return "a date and time with an offset (ISO 8601, e.g. 2026-12-06T09:30:00Z)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a whole number";
    }
}
