package org.alongside.outcomes.measures;

/** A change from baseline judged against the instrument's published threshold. */
public enum Classification { IMPROVED, NO_RELIABLE_CHANGE, DETERIORATED }
