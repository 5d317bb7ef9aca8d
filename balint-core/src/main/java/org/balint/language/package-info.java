/**
 * The language of contributions: the {@link org.balint.language.ContributionClassifier} that
 * decides a contribution's kind where no human coder did, and the explainable built-in one. A
 * coded kind always wins over a classifier. Everything here is non-null unless marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.language;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
