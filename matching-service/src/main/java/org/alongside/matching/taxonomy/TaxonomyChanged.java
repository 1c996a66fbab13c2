package org.alongside.matching.taxonomy;

/** A new taxonomy version was made (fired inside its transaction): waiting referrals may fit peers now. */
public record TaxonomyChanged(int version) {
}
