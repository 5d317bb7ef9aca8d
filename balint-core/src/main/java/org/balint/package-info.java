/**
 * Balint: a library that models the Balint group method and checks sessions against its rules.
 *
 * <p>The domain lives in sub-packages by concept: {@link org.balint.group} (groups, leaders,
 * members), {@link org.balint.session} (sessions, cases, contributions), {@link
 * org.balint.language} (the classifier of contributions), {@link org.balint.method} (rules,
 * protocols and violations) and {@link org.balint.privacy} (patient identifiers and consent).
 * Everything here is non-null unless marked otherwise.
 */
@NullMarked
package org.balint;

import org.jspecify.annotations.NullMarked;
