/**
 * The language of contributions: the {@link org.balint.language.ContributionClassifier} that
 * decides a contribution's kind where no human coder did; the explainable built-in {@link
 * org.balint.language.LexiconClassifier}, driven by a lexicon resource that researchers can extend
 * or translate; and {@link org.balint.language.ClassifierEvaluation}, which measures a classifier
 * against labelled contributions (confusion matrix, per-kind precision, recall and F1, macro-F1). A
 * coded kind always wins over a classifier. Everything here is non-null unless marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.language;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
