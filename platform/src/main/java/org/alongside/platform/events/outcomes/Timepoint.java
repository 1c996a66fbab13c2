package org.alongside.platform.events.outcomes;

/** When in the person's support a measure was taken. */
public enum Timepoint { BASELINE, REVIEW, DISCHARGE, FOLLOW_UP }
