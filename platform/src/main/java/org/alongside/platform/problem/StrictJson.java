package org.alongside.platform.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A body is one JSON value and nothing after it (RFC 8259). Jackson by default stops reading at the end of the first
 * value, so a body of two objects, or one with a stray tail, was taken for its first object and acted on: a
 * referral was created from it. Refused instead, as {@link ProblemMappers} answers any unreadable body (400).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
