package org.alongside.platform.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396), how every service lets a client change part of a record: the client sends only what
 * changes, the service applies it to the record as its writers see it, then checks the result exactly as it checks
 * a whole one. {@link MergePatchOpenApi} documents such a body as a patch.
 */
public final class JsonMergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private JsonMergePatch() {
    }

    /** An object merges into the target member by member, null removes a member, anything else replaces. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
