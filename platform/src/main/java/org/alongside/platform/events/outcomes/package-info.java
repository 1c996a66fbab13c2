/**
 * The events outcomes-service publishes on {@code alongside.outcomes.v1}: completed outcome measures (scores only,
 * never the answers) and the risk signals among the answers. Schemas and meaning: docs/events.md.
 */
package org.alongside.platform.events.outcomes;
