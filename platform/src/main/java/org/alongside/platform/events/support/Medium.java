package org.alongside.platform.events.support;

/** Through what the support takes place. */
public enum Medium { IN_PERSON, TELEPHONE, VIDEO, ONLINE_TEXT }
