package org.alongside.platform.events.referrals;

/** Where a referral was in its journey (referral-service's OpenAPI document describes each). */
public enum ReferralStatus { RECEIVED, ACCEPTED, DECLINED, WITHDRAWN, MATCHED, ACTIVE, CLOSED }
