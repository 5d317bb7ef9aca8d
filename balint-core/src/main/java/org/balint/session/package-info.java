/**
 * Sessions of a Balint group: the phases of a case, the cases presented, the contributions made,
 * who was present and who consented to a record. {@link org.balint.session.GroupRecord} joins a
 * group to its sessions, as one {@code balint/1} document does. Everything here is non-null unless
 * marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.session;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
