package org.alongside.platform.events.referrals;

/** FHIR administrative gender. */
public enum Gender { FEMALE, MALE, OTHER, UNKNOWN }
