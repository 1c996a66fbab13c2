/**
 * The events about the workforce on {@code alongside.staff.v1}, keyed by the peer's id: who supervises each peer.
 * session-service owns supervision and publishes them; matching-service shows them on the peer's profile.
 */
package org.alongside.platform.events.staff;
