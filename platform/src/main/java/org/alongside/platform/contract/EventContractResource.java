package org.alongside.platform.contract;

import io.quarkus.arc.All;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alongside.platform.audit.NotAudited;
import org.alongside.platform.events.EventCatalog;
import org.alongside.platform.events.EventSpec;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The machine-readable contract of the events this service publishes, for integrators and their tools, without a
 * token (it holds no personal data): each type's JSON Schema at the URL its events name as {@code dataschema}, the
 * envelope's schema and the service's AsyncAPI document. Generated once, from the event records.
 */
@Path("/events")
@Tag(name = "Event contract")
@PermitAll
public class EventContractResource {

    /** Each published type and version ("type/version") to its schema. */
    private final Map<String, String> schemas = new LinkedHashMap<>();
    private final String envelope;
    private final String asyncApi;

    EventContractResource(EventsConfig config, @All List<EventSubscriber> subscribers,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        for (String topic : config.produces()) {
            if (EventCatalog.onTopic(topic).isEmpty()) {
                throw new IllegalArgumentException("alongside.events.produces names " + topic + ", which is no topic "
                        + "of the contract");
            }
        }
        String baseUrl = config.baseUrl();
        List<EventSpec<?>> published = EventCatalog.all().stream()
                .filter(spec -> config.produces().contains(spec.topic())).toList();
        published.forEach(spec -> schemas.put(spec.type() + "/" + spec.version(),
                EventSchemas.pretty(EventSchemas.data(spec, baseUrl))));
        this.envelope = EventSchemas.pretty(EventSchemas.envelope(published, baseUrl));
        List<EventSpec<?>> consumed = subscribers.stream().flatMap(s -> s.handlers().specs().stream())
                .sorted(Comparator.comparingInt(EventCatalog.all()::indexOf)).toList();
        this.asyncApi = EventSchemas.pretty(AsyncApi.document(service, baseUrl, config.produces(), consumed));
    }

    @GET
    @Path("/schemas/{type}/{version}")
    // schema+json first, the default; plain JSON too, for a client that asks for that
    @Produces({EventSchemas.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @NotAudited
    @Operation(operationId = "getEventSchema", summary = "The JSON Schema (2020-12) of one event type's data in one "
            + "version, as this service publishes it: the URL is the events' dataschema and the schema's $id")
    @APIResponse(responseCode = "200", description = "The schema", content = {
            @Content(mediaType = EventSchemas.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "404", description = "This service publishes no such type and version")
    public String schema(@PathParam("type") String type, @PathParam("version") int version) {
        String schema = schemas.get(type + "/" + version);
        if (schema == null) {
            throw ProblemException.notFound("event schema", type + "/" + version);
        }
        return schema;
    }

    @GET
    @Path("/schemas/envelope")
    // schema+json first, the default; plain JSON too, for a client that asks for that
    @Produces({EventSchemas.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @NotAudited
    @Operation(operationId = "getEventEnvelopeSchema", summary = "The JSON Schema (2020-12) of a whole record value "
            + "this service publishes: the CloudEvents envelope, whose data must match the schema its dataschema names")
    @APIResponse(responseCode = "200", description = "The schema", content = {
            @Content(mediaType = EventSchemas.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))})
    public String envelope() {
        return envelope;
    }

    @GET
    @Path("/asyncapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @NotAudited
    @Operation(operationId = "getAsyncApiDocument", summary = "This service's AsyncAPI 3.0 document: the topics it "
            + "publishes and reads, each event type and version, keys, headers and schemas")
    @APIResponse(responseCode = "200", description = "The AsyncAPI document", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public String asyncApi() {
        return asyncApi;
    }
}
