/**
 * Metrics for researchers and facilitators, each with a stated definition: the mix of contribution
 * kinds per phase ({@link org.balint.analysis.KindMix}), who spoke and how much ({@link
 * org.balint.analysis.Participation}, with the word count of a text), and how closely a session
 * kept to the method ({@link org.balint.analysis.Fidelity}); and stable pseudonyms for a roster, to
 * share data beyond the group ({@link org.balint.analysis.Pseudonyms}). The tables of {@code balint
 * tables} take their metrics from here and their data dictionary cites these definitions. Agreement
 * between coders is in {@link org.balint.language.CodingAgreement}. Everything here is non-null
 * unless marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.analysis;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
