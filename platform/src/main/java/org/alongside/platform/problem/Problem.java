package org.alongside.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI naming the kind of problem") String type,
        @Schema(description = "Short, human-readable summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong with this request, in terms a client developer can act on") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "For validation problems: each field that is wrong and why") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://alongside.example/problems/";

    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
