package org.alongside.platform.events.referrals;

/** A way of being supported the person prefers. */
public enum SupportFormat { ONE_TO_ONE, GROUP, TELEPHONE, VIDEO, ONLINE }
