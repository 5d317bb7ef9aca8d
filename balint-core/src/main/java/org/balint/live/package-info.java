/**
 * The live session: a {@link org.balint.live.SessionRecorder} that takes attendance, consent,
 * cases, phase changes and contributions as they happen, refuses impossible moves, and tells {@link
 * org.balint.live.SessionListener listeners} at once about breaches of the method (with the same
 * {@link org.balint.method.Protocol} that validates finished sessions), about phase timing and with
 * facilitator prompts drawn from the method; and the {@link org.balint.live.KeepingPolicy} that
 * decides what of a finished session may be stored (consent, redaction, validation), the same on
 * every platform. It lives outside {@code org.balint.session} because it builds on {@code
 * org.balint.method}, which itself builds on sessions. Everything here is non-null unless marked
 * otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.live;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
