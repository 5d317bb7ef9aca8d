/**
 * Privacy of case material: detection of patient identifiers in case titles and contributions,
 * their redaction, and the consent a record needs. What is said in a Balint group stays in the
 * room. Everything here is non-null unless marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.privacy;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
