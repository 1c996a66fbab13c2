/**
 * The events about the workforce on {@code alongside.staff.v1}, keyed by the peer's id: who supervises each peer,
 * and when each was supervised. session-service owns supervision and publishes them; matching-service shows the
 * supervisor on the peer's profile, outcomes-service counts supervision against the policy interval.
 */
package org.alongside.platform.events.staff;
