package org.alongside.session.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The four kinds of support a peer gives (the ImROC model): what a session or group meeting worked on, and the area
 * a goal belongs to.
 */
@Schema(description = """
        What the session worked on. DAILY_MANAGEMENT: living with the condition day to day.
        EMOTIONAL_SUPPORT: feelings, worries, mood. COMMUNITY_CONNECTION: groups, activities, other services.
        ONGOING_SUPPORT: keeping in touch, reviewing how things are going.""")
public enum Focus { DAILY_MANAGEMENT, EMOTIONAL_SUPPORT, COMMUNITY_CONNECTION, ONGOING_SUPPORT }
