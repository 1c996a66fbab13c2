package org.alongside.platform.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A body is read as the JSON its schema documents, and nothing else is guessed at:
 * <ul>
 * <li>one JSON value and nothing after it (RFC 8259). Jackson by default stops at the end of the first value, so a
 * body of two objects, or one with a stray tail, was taken for its first object and acted on;</li>
 * <li>each value of its documented JSON type. Jackson by default converts between them: {@code 2} became
 * {@code true}, {@code 1.5} became {@code 1}, {@code 5} a string "5", {@code 0} an enum's first constant and
 * {@code 7} the 8th of January 1970, each quietly changing what the sender said.</li>
 * </ul>
 * Refused instead, as {@link ProblemMappers} answers any unreadable body: a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // a date is its ISO 8601 text, never a number of days or milliseconds since 1970
        mapper.setDefaultLeniency(false);
        for (LogicalType type : new LogicalType[] {LogicalType.Boolean, LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
