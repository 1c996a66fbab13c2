package org.alongside.platform.events.referrals;

/** Who referred the person. */
public enum ReferrerType { GP_PRACTICE, LINK_WORKER, SELF, OTHER }
