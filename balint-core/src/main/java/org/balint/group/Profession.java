package org.balint.group;

/** The clinical profession of a leader or member, as coded in {@code balint/1}. */
public enum Profession {
  /** A general practitioner (family physician). */
  GP,
  /** A doctor in general-practice training. */
  GP_TRAINEE,
  /** A psychiatrist. */
  PSYCHIATRIST,
  /** A doctor in psychiatry training. */
  PSYCHIATRY_TRAINEE,
  /** A psychotherapist or psychoanalyst. */
  PSYCHOTHERAPIST,
  /** A nurse. */
  NURSE,
  /** A medical student. */
  MEDICAL_STUDENT,
  /** Another clinician (a pharmacist, a physiotherapist, a hospital doctor...). */
  OTHER_CLINICIAN,
  /** Anyone else. */
  OTHER
}
