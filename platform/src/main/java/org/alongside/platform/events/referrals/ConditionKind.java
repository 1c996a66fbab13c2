package org.alongside.platform.events.referrals;

/** A long-term physical condition or a mental health problem. */
public enum ConditionKind { PHYSICAL, MENTAL }
