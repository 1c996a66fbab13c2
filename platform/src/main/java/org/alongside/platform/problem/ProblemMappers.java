package org.alongside.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.platform.failure.Failures;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json. Client mistakes get a 4xx that names what is wrong; anything else a
 * 500 or 503 with an error id for the logs, never a stack trace or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, path(uri), errors));
    }

    // Listed one by one: Quarkus maps some of these subtypes itself, and the closest type wins.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class,
            UnrecognizedPropertyException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : null;
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "'" + invalid.getValue() + "' is not one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            message = "'" + invalid.getValue() + "' is not " + jsonType(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            message = "the body must be one JSON value, with nothing after it";
        } else if (e instanceof MismatchedInputException mismatched && field != null
                && mismatched.getTargetType() != null) {
            message = "must be " + jsonType(mismatched.getTargetType());
        } else if (e instanceof JsonMappingException && field != null) {
            message = "has the wrong type or shape";
        } else if (e instanceof JsonMappingException) {
            // well-formed, but not an object (an array, a string...): say so without naming Java types
            message = "the body must be a JSON object of the documented shape";
        } else {
            message = "the body is not well-formed JSON (" + e.getOriginalMessage() + ")";
        }
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field == null ? message : field + ": " + message;
        return respond(new Problem(Problem.TYPE_BASE + "unreadable-body", "Unreadable request body", 400, detail,
                path(uri), errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                        "A valid bearer token is required", path(uri), List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role may not perform this action", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof InvalidParameterException invalid) {
            return invalidParameter(invalid, uri);
        }
        if (status == 404 && e.getCause() instanceof IllegalArgumentException invalid) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted; the client sent a bad value
            return respond(new Problem(Problem.TYPE_BASE + "invalid-parameter", "Invalid request", 400,
                    "A query or path parameter has an invalid value: " + invalid.getMessage(), path(uri), List.of()));
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 415 -> "This operation does not read a body of Content-Type "
                    + Objects.requireNonNullElse(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), "(none)")
                    + "; its OpenAPI document says which it reads";
            default -> e.getMessage();
        };
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, title, status, detail, path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(ProblemException.invalid(e.parameter(), e.getMessage()).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Failures.isDatabaseUnavailable(e)) {
            // A connection lost during COMMIT may follow a commit PostgreSQL had already made durable.
            boolean inDoubt = Failures.isCommitInDoubt(e);
            LOG.warnf("Database unavailable for %s%s: %s", path(uri), inDoubt ? " while committing" : "",
                    e.getMessage());
            String detail = inDoubt
                    ? "The service lost its database while saving the change, so it may have been made. Once the "
                            + "service answers again, read the record back, or retry with the same Idempotency-Key."
                    : "The service cannot reach its database; nothing was changed. Retry shortly.";
            return Response.status(503).header("Retry-After", "5").type(Problem.MEDIA_TYPE)
                    .entity(new Problem(Problem.TYPE_BASE + "unavailable", "Service unavailable", 503, detail,
                            path(uri), List.of()))
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, path(uri));
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "An unexpected error occurred; nothing was changed. Quote error id " + errorId + " when reporting it.",
                path(uri), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /**
     * "create.request.person.givenName" -> "person.givenName": clients know their body, not our method names. A
     * violation on a query, path or header parameter is named as the client sent it ("size", "Idempotency-Key").
     */
    public static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String httpParameter = null;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> method = node.as(Path.MethodNode.class);
                case CONSTRUCTOR, RETURN_VALUE -> {
                }
                case PARAMETER -> {
                    names.clear();
                    httpParameter = httpName(violation.getRootBeanClass(), method,
                            node.as(Path.ParameterNode.class).getParameterIndex());
                }
                default -> {
                    String name = node.getName();
                    if (node.getIndex() != null && !names.isEmpty()) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (name != null && !name.startsWith("<")) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return httpParameter != null ? httpParameter : "body";
        }
        return String.join(".", names);
    }

    /** The HTTP name of a resource method's parameter, or null for the body. */
    private static String httpName(Class<?> resource, Path.MethodNode method, int index) {
        if (resource == null || method == null) {
            return null;
        }
        for (Class<?> type = resource; type != null; type = type.getSuperclass()) {
            for (Method candidate : type.getDeclaredMethods()) {
                if (!candidate.getName().equals(method.getName())
                        || !Arrays.asList(candidate.getParameterTypes()).equals(method.getParameterTypes())) {
                    continue;
                }
                for (Annotation annotation : candidate.getParameterAnnotations()[index]) {
                    if (annotation instanceof QueryParam query) {
                        return query.value();
                    }
                    if (annotation instanceof PathParam pathParam) {
                        return pathParam.value();
                    }
                    if (annotation instanceof HeaderParam header) {
                        return header.value();
                    }
                }
                // generated subclasses override without the annotations: keep looking up the hierarchy
            }
        }
        return null;
    }

    /** What a value of the type is in JSON's terms, for a sender who never sees the Java behind the API. */
    private static String jsonType(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601, with its offset)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
