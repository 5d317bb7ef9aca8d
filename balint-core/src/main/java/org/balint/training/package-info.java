/**
 * Training records: a person's {@link org.balint.training.AttendanceLedger ledger} of Balint
 * sessions attended, presented or led, the {@link org.balint.training.TrainingRequirement
 * requirements} that training schemes set (UK psychiatry core training, German psychosomatic basic
 * care, the Balint Society's leader path), and the {@link org.balint.training.TrainingProgress
 * progress} a ledger makes towards one. Everything here is non-null unless marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.training;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
