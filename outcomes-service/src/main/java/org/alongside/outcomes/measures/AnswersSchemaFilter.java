package org.alongside.outcomes.measures;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Says that an answer may be null: an unanswered item of an instrument that allows missing items (SEMCD6) is null
 * in its place, in what a client sends ({@code NewMeasurement}) and in what it reads back ({@code Measurement}).
 * Annotations cannot say this of a list's items.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AnswersSchemaFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (String name : List.of("NewMeasurement", "Measurement")) {
            Schema measurement = openAPI.getComponents().getSchemas().get(name);
            Schema answers = measurement == null || measurement.getProperties() == null ? null
                    : measurement.getProperties().get("answers");
            if (answers != null) {
                answers.setItems(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER,
                        Schema.SchemaType.NULL)).format("int32"));
            }
        }
    }
}
