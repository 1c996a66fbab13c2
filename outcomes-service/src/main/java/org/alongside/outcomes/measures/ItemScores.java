package org.alongside.outcomes.measures;

import java.math.BigDecimal;
import java.util.HashMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI shape of a score or change reported item by item (ONS4, SERVICE_USE): item key to number. Named so a
 * generated client can tell it from a plain number in a {@code oneOf} (a bare object type matches a number too).
 */
@Schema(name = "ItemScores", description = "Item key to number, for instruments reported item by item")
public final class ItemScores extends HashMap<String, BigDecimal> {
}
