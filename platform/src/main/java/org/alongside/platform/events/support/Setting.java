package org.alongside.platform.events.support;

/** Who meets: the person and one peer, or a peer-led group. */
public enum Setting { ONE_TO_ONE, GROUP }
