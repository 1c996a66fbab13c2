package org.alongside.platform.query;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.alongside.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter the operation does not declare, with a 400 naming it: a client that misspells a filter
 * ({@code ?nhsnumber=}) or uses one that does not exist must not silently get every record back. Runs after
 * authentication and matching, so an unknown path is still a 404 and a missing token still a 401. Resources that
 * follow another standard's rules for parameters (FHIR search) opt out with {@link AcceptsAnyQueryParameter}.
 */
public class UnknownQueryParameters {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> refuseUnknown(UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || uri.getQueryParameters().isEmpty()
                || resource.getResourceClass().isAnnotationPresent(AcceptsAnyQueryParameter.class)
                || method.isAnnotationPresent(AcceptsAnyQueryParameter.class)) {
            return Optional.empty();
        }
        Set<String> allowed = declared.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
        Set<String> unknown = new TreeSet<>(uri.getQueryParameters().keySet());
        unknown.removeAll(allowed);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String accepted = allowed.isEmpty() ? "this operation takes no query parameters"
                : "this operation takes " + String.join(", ", new TreeSet<>(allowed));
        List<Problem.FieldError> errors = unknown.stream()
                .map(name -> new Problem.FieldError(name, "unknown query parameter; " + accepted)).toList();
        Problem problem = new Problem(Problem.TYPE_BASE + "unknown-parameter", "Invalid request", 400,
                "Unknown query parameter(s) " + String.join(", ", unknown) + "; " + accepted,
                "/" + uri.getPath().replaceFirst("^/", ""), errors);
        return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            collect(annotations, names);
        }
        for (int i = 0; i < method.getParameterCount(); i++) {
            if (hasBeanParam(method.getParameterAnnotations()[i])) {
                for (Class<?> type = method.getParameterTypes()[i]; type != null; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        collect(field.getAnnotations(), names);
                    }
                }
            }
        }
        return Set.copyOf(names);
    }

    private static void collect(Annotation[] annotations, Set<String> names) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                names.add(query.value());
            }
        }
    }

    private static boolean hasBeanParam(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof BeanParam) {
                return true;
            }
        }
        return false;
    }
}
