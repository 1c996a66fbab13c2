package org.alongside.platform.events.outcomes;

/** A change from baseline by the instrument's threshold of meaningful change. */
public enum Classification { IMPROVED, NO_RELIABLE_CHANGE, DETERIORATED }
