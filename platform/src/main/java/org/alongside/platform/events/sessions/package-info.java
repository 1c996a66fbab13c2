/**
 * The events session-service publishes on {@code alongside.sessions.v1}: sessions held or missed, goals of the
 * person's wellness plan, signposting to community resources, and safeguarding concerns (never what was said).
 * Schemas and meaning: docs/events.md.
 */
package org.alongside.platform.events.sessions;
