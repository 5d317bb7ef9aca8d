/**
 * Metrics for researchers and facilitators, each with a stated definition: the mix of
 * contribution kinds per phase ({@link org.balint.analysis.KindMix}), who spoke and how much
 * ({@link org.balint.analysis.Participation}), and how closely a session kept to the method
 * ({@link org.balint.analysis.Fidelity}). Everything here is non-null unless marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.analysis;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
