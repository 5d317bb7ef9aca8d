/**
 * Privacy of case material: detection of patient identifiers in case titles and contributions
 * ({@link org.balint.privacy.IdentifierDetector}), their redaction ({@link
 * org.balint.privacy.Redactor}), the consent a transcript needs ({@link
 * org.balint.privacy.RecordingConsent}), how long what was said is kept ({@link
 * org.balint.privacy.RetentionPolicy}) and who may see which kind of a group's data ({@link
 * org.balint.privacy.AccessPolicy}, {@link org.balint.privacy.AccessFilter}). What is said in a
 * Balint group stays in the room. Everything here is pure: the store and the command line apply it.
 * Everything is non-null unless marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.privacy;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
