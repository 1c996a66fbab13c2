package org.alongside.platform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;

/**
 * The JSON Schemas (draft 2020-12) of the event contract, generated from the {@code @EventType} records, so a schema
 * can never disagree with what producers write and consumers read:
 * <ul>
 * <li>required: the components consumers rely on ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}) and
 * primitives, which always have a value;</li>
 * <li>enums as {@code enum}, Bean Validation's patterns, bounds and sizes as {@code pattern}, {@code minimum} ...;</li>
 * <li>optional fields are absent, never {@code null} (the outbox leaves nulls out), so no type admits {@code null};</li>
 * <li>objects are open ({@code additionalProperties} left at its default, true): a new optional field is not a new
 * version, and consumers ignore fields they do not know.</li>
 * </ul>
 */
public final class EventSchemas {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** The media type schemas are served as. */
    public static final String MEDIA_TYPE = "application/schema+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaGenerator GENERATOR = generator();

    private EventSchemas() {
    }

    /** Where the envelope schema of a service reached at {@code baseUrl} is served. */
    public static String envelopeId(String baseUrl) {
        return baseUrl + "/events/schemas/envelope";
    }

    /** The schema of the data of one type and version, its {@code $id} the events' {@code dataschema}. */
    public static ObjectNode data(EventSpec<?> spec, String baseUrl) {
        ObjectNode generated = GENERATOR.generateSchema(spec.dataType());
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", spec.dataschema(baseUrl));
        schema.put("title", spec.type() + " version " + spec.version());
        schema.put("description", "The data of each " + spec.type() + " event of version " + spec.version() + ", on "
                + spec.topic() + ". Optional fields are absent, never null; unknown fields must be ignored.");
        generated.remove("$schema");
        schema.setAll(generated);
        return schema;
    }

    /**
     * The CloudEvents 1.0 envelope of every event {@code specs} name, as Alongside publishes it (structured mode, every
     * attribute present): {@code type} and {@code dataschema} name one of them, and {@code data} must then validate
     * against that schema, referenced by its {@code $id}.
     */
    public static ObjectNode envelope(Collection<EventSpec<?>> specs, String baseUrl) {
        ObjectNode schema = base();
        schema.put("$schema", DIALECT);
        schema.put("$id", envelopeId(baseUrl));
        ObjectNode properties = (ObjectNode) schema.get("properties");
        ArrayNode types = properties.withObject("type").putArray("enum");
        specs.stream().map(EventSpec::type).distinct().forEach(types::add);
        ArrayNode dataschemas = properties.withObject("dataschema").putArray("enum");
        ArrayNode byType = schema.putArray("allOf");
        for (EventSpec<?> spec : specs) {
            String id = spec.dataschema(baseUrl);
            dataschemas.add(id);
            ObjectNode rule = byType.addObject();
            rule.putObject("if").putArray("required").add("dataschema");
            ((ObjectNode) rule.get("if")).putObject("properties").putObject("dataschema").put("const", id);
            ObjectNode then = rule.putObject("then").putObject("properties");
            then.putObject("type").put("const", spec.type());
            then.putObject("data").put("$ref", id);
        }
        return schema;
    }

    /**
     * The envelope's attributes, whatever the event: for the envelope schema above, and for each message of an
     * AsyncAPI document, which names the type, dataschema and data schema itself.
     */
    public static ObjectNode base() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("title", "CloudEvents 1.0 envelope");
        schema.put("description", "Each Kafka record's value (structured content mode, header content-type: "
                + EventEnvelope.KAFKA_CONTENT_TYPE + "). Every attribute is present.");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("specversion").put("const", EventEnvelope.SPEC_VERSION);
        property(properties, "id", "uuid", "Unique per event: consumers apply each id once");
        properties.putObject("type").put("type", "string").put("description", "The event type, e.g. referral.accepted");
        properties.putObject("source").put("type", "string").put("pattern", "^/alongside/[a-z-]+$")
                .put("description", "The publishing service");
        properties.putObject("subject").put("type", "string").put("minLength", 1)
                .put("description", "What the event is about (the referral id, or for alongside.staff.v1 the peer "
                        + "id): the same as the record key");
        property(properties, "time", "date-time", "When the event was published (UTC)");
        properties.putObject("datacontenttype").put("const", EventEnvelope.CONTENT_TYPE);
        property(properties, "dataschema", "uri", "The schema of data, served by the producer; its last segment is "
                + "the version");
        properties.putObject("data").put("type", "object");
        ArrayNode required = schema.putArray("required");
        List.of("specversion", "id", "type", "source", "subject", "time", "datacontenttype", "dataschema", "data")
                .forEach(required::add);
        return schema;
    }

    private static void property(ObjectNode properties, String name, String format, String description) {
        properties.putObject(name).put("type", "string").put("format", format).put("description", description);
    }

    /** The generated schema as JSON text, the way it is served and kept in the repository. */
    public static String pretty(JsonNode schema) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                // every schema self-contained: no $defs to resolve, and the same nested shape wherever it is used
                .with(Option.INLINE_ALL_SCHEMAS)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        // properties in the record's order, as the events are written
        config.forTypesInGeneral().withPropertySorter(Comparator.comparingInt(EventSchemas::position));
        // a primitive always has a value, so it is always present
        config.forFields().withRequiredCheck(field -> field.getType() != null
                && field.getType().getErasedType().isPrimitive());
        return new SchemaGenerator(config.build());
    }

    private static int position(MemberScope<?, ?> member) {
        RecordComponent[] components = member.getDeclaringType().getErasedType().getRecordComponents();
        for (int i = 0; components != null && i < components.length; i++) {
            if (components[i].getName().equals(member.getDeclaredName())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
