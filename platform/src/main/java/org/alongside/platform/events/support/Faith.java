package org.alongside.platform.events.support;

/**
 * Religion or belief, in the categories of the ONS 2021 Census question (England and Wales), which NHS equality
 * monitoring uses; NOT_STATED when the person chose not to say.
 */
public enum Faith { NO_RELIGION, CHRISTIAN, BUDDHIST, HINDU, JEWISH, MUSLIM, SIKH, OTHER, NOT_STATED }
