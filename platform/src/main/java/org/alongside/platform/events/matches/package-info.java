/**
 * The events matching-service publishes on {@code alongside.matches.v1}: proposals of peers for a referral, the
 * person's choice, and the end of a match. Schemas and meaning: docs/events.md.
 */
package org.alongside.platform.events.matches;
