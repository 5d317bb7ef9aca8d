/**
 * The Balint method as data: {@link org.balint.method.Rule rules} that return {@link
 * org.balint.method.Violation violations} rather than throw, {@link org.balint.method.Protocol
 * protocols} (named, parameterised sets of rules, the default being {@code balint-standard}) and
 * {@link org.balint.method.ValidationReport reports}. Everything here is non-null unless marked
 * otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.method;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
