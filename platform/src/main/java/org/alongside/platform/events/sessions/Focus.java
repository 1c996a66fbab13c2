package org.alongside.platform.events.sessions;

/** What peer support worked on (the four kinds of support in the ImROC model). */
public enum Focus { DAILY_MANAGEMENT, EMOTIONAL_SUPPORT, COMMUNITY_CONNECTION, ONGOING_SUPPORT }
