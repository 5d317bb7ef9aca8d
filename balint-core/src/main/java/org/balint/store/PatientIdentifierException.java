package org.balint.store;

/**
 * A store refused to keep a case title or a contribution that holds what looks like a patient
 * identifier (an NHS number, a date of birth, a titled full name...). The message says where and
 * which types were found, never the identifier itself, so that it can be logged safely.
 */
public class PatientIdentifierException extends ConfidentialityException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the refusal.
   *
   * @param session what was being stored: a session as {@link SessionKey#describe()} names it, or
   *     {@code group GROUP}
   * @param where the part that holds it, such as {@code the title of case 0} or {@code contribution
   *     3}
   * @param types the placeholders of the types found, such as {@code [NHS-NUMBER], [NAME]}
   */
  public PatientIdentifierException(String session, String where, String types) {
    super(
        "refusing to store "
            + session
            + ": "
            + where
            + " holds what looks like a patient identifier ("
            + types
            + "); remove it first, for example with 'balint redact --document'");
  }
}
