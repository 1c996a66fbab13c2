package org.alongside.outcomes.dashboard;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes the dashboard summary's schema say what its answers are. A {@link Figure} is exactly one of its four JSON
 * forms: a number, {@code {"suppressed": true}}, {@code {"notDefined": true}} or null; annotations cannot say this
 * (the record would be read as an object), so the schema the scanner made keeps only its description. And a
 * property that is a reference, or a choice of references and null, carries no type of its own: the scanner puts
 * {@code type: object} beside them, which would refuse a number or null the reference allows.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SummarySchemaFilter implements OASFilter {

    private static final String SUPPRESSED = "SuppressedFigure";
    private static final String NOT_DEFINED = "NotDefinedFigure";
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null
                || !components.getSchemas().containsKey("Figure")) {
            return;
        }
        Schema scanned = components.getSchemas().get("Figure");
        components.addSchema(SUPPRESSED, flag("suppressed", "A figure withheld by disclosure control"));
        components.addSchema(NOT_DEFINED, flag("notDefined",
                "A measure with no meaning here, e.g. a reliable-change share of an instrument without a threshold"));
        components.addSchema("Figure", OASFactory.createSchema()
                .description(scanned.getDescription())
                .oneOf(List.of(
                        OASFactory.createSchema().addType(Schema.SchemaType.NUMBER),
                        OASFactory.createSchema().ref(SCHEMAS + SUPPRESSED),
                        OASFactory.createSchema().ref(SCHEMAS + NOT_DEFINED),
                        OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
        components.getSchemas().values().forEach(SummarySchemaFilter::untypeReferences);
    }

    private static void untypeReferences(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            if (property.getRef() != null || property.getAnyOf() != null || property.getOneOf() != null) {
                property.setType(null);
            }
        }
    }

    /** An object with one required property, always true. */
    private static Schema flag(String property, String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description)
                .required(List.of(property)).additionalPropertiesBoolean(false)
                .addProperty(property, OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)
                        // always true, but neither a one-value enum nor const: openapi-generator turns both into a
                        // String enum that does not compile
                        .description("Always true"));
    }
}
