package org.alongside.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    enum Kind { PHYSICAL, MENTAL }

    record Sample(int count, Integer decile, boolean flag, String name, Kind kind, LocalDate date, List<String> tags,
            double score) {
    }

    private static final String WELL_TYPED = """
            {"count": 2, "decile": 3, "flag": true, "name": "Sam", "kind": "MENTAL", "date": "1970-02-03",
             "tags": ["carer"], "score": 1.5}""";

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void readsEachValueOfItsDocumentedType() throws Exception {
        assertEquals(new Sample(2, 3, true, "Sam", Kind.MENTAL, LocalDate.of(1970, 2, 3), List.of("carer"), 1.5),
                mapper.readValue(WELL_TYPED, Sample.class));
        assertEquals(2.0, mapper.readValue("{\"score\": 2}", Sample.class).score(), "a whole number is a number");
    }

    @Test
    void aFieldLeftOutIsStillReadAsAbsent() throws Exception {
        // events are read by the same mapper, and a consumer must take an older event without a newer field
        Sample sample = mapper.readValue("{\"name\": \"Sam\"}", Sample.class);
        assertEquals(0, sample.count());
        assertEquals(null, sample.decile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"count\": \"2\"", "\"count\": 2.5", "\"count\": 2.0", "\"decile\": \"3\"",
            "\"flag\": 1", "\"flag\": \"true\"", "\"name\": 7", "\"name\": false", "\"name\": 1.5", "\"kind\": 0",
            "\"date\": 7", "\"date\": 1700000000000", "\"tags\": [7]", "\"score\": \"1.5\""})
    void aValueOfAnotherJsonTypeIsRefusedNotConverted(String wrong) {
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{" + wrong + "}", Sample.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {" {}", " trailing", " ]"})
    void aBodyIsOneJsonValueWithNothingAfterIt(String tail) {
        assertThrows(JsonProcessingException.class, () -> mapper.readValue(WELL_TYPED + tail, Sample.class));
    }
}
