package org.alongside.platform.patch;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents a JSON Merge Patch body (RFC 7396) as what a client sends, not as the document it patches: the body of
 * an operation that reads {@value JsonMergePatch#MEDIA_TYPE} of schema {@code X} becomes {@code XPatch}, in which
 * nothing is required (a patch names only what changes), every field may be null (null removes it), and a field that
 * is itself an object is a patch of that object in turn (it is merged field by field). Lists and other values keep
 * X's schema: they are replaced whole. Derived from X, so the two cannot drift apart. Whether the patched document
 * is valid (a field X requires removed, say) is the operation's to check, as X says.
 * <p>
 * Null is allowed even where X requires the field: a generated client (openapi-generator's Java client) starts a
 * list that may not be null as an empty one and sends it, so a patch that left the list out would replace it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class MergePatchOpenApi implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null
                || openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            if (path.getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getOperations().values()) {
                MediaType body = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                        ? null : operation.getRequestBody().getContent().getMediaType(JsonMergePatch.MEDIA_TYPE);
                if (body != null && body.getSchema() != null && body.getSchema().getRef() != null) {
                    body.setSchema(ref(patchOf(name(body.getSchema()), openAPI.getComponents())));
                }
            }
        }
    }

    /** The name of the patch schema of the schema named, added to the components the first time it is asked for. */
    private static String patchOf(String name, Components components) {
        String patchName = name + "Patch";
        if (components.getSchemas().containsKey(patchName)) {
            return patchName;
        }
        Schema patched = components.getSchemas().get(name);
        Schema patch = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("""
                A JSON Merge Patch (RFC 7396) of %s: send only what changes. A field sent replaces the one held; \
                null removes it; an object is merged field by field; a list is replaced whole. The patched %s must \
                still be valid: removing a field it requires is a 400 naming the field.""".formatted(name, name));
        components.addSchema(patchName, patch);
        if (patched.getProperties() != null) {
            patched.getProperties().forEach((property, schema) -> patch.addProperty(property, nullable(
                    isObject(schema, components) ? ref(patchOf(name(schema), components))
                            .description(schema.getDescription()) : schema)));
        }
        return patchName;
    }

    /** A reference to a component that is an object with fields of its own (a merge patch merges into it). */
    private static boolean isObject(Schema schema, Components components) {
        if (schema.getRef() == null || !schema.getRef().startsWith(SCHEMAS)) {
            return false;
        }
        Schema referenced = components.getSchemas().get(name(schema));
        return referenced != null && referenced.getProperties() != null && !referenced.getProperties().isEmpty();
    }

    /** The schema, or null: a copy, as the schema itself may be shared with the patched document. */
    private static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            return OASFactory.createSchema().description(schema.getDescription()).anyOf(List.of(
                    ref(name(schema)), OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        }
        if (schema.getType() == null || schema.getType().isEmpty()) {
            return schema;
        }
        Schema copy = OASFactory.createSchema();
        copy.setAll(schema.getAll());
        List<Schema.SchemaType> types = new ArrayList<>(schema.getType());
        types.add(Schema.SchemaType.NULL);
        copy.setType(types);
        return copy;
    }

    private static String name(Schema reference) {
        return reference.getRef().substring(SCHEMAS.length());
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }
}
