/**
 * The contract's vocabulary of support, the same in every service, event and report: how people meet (a setting)
 * and through what (a medium), and the coded facts about a person that matching and equity reporting may use.
 * docs/vocabulary.md lists every value.
 */
package org.alongside.platform.events.support;
