package org.alongside.outcomes.measures;

/** When in a person's support a measure was completed. */
public enum Timepoint { BASELINE, REVIEW, DISCHARGE, FOLLOW_UP }
