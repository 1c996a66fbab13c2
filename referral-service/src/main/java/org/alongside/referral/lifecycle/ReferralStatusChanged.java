package org.alongside.referral.lifecycle;

/**
 * A referral moved to another status (fired inside the transaction that moved it, after its history step): the
 * referrer's feedback is queued in that same transaction.
 */
public record ReferralStatusChanged(Referral referral) {
}
