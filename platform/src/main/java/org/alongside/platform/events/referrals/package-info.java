/**
 * The events referral-service publishes on {@code alongside.referrals.v1}: a referral's journey from receipt to
 * its end, consent withdrawal and erasure. Schemas and meaning: docs/events.md.
 */
package org.alongside.platform.events.referrals;
