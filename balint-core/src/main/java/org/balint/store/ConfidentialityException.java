package org.balint.store;

/**
 * A store refused a write that would keep confidential case material it may not keep: the
 * contributions of a session without everyone's recorded consent ({@link ConsentMissingException}),
 * or a case title or contribution holding a patient identifier ({@link
 * PatientIdentifierException}). Nothing of the write is stored.
 *
 * <p>It is a {@link StorageException} so that a caller handling storage failures handles it too;
 * the command-line program reports it as a {@code confidentiality.*} error (exit 1), not as a
 * failure of the database. The message names where the problem is, never the identifier itself.
 */
public class ConfidentialityException extends StorageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the refusal.
   *
   * @param message what was refused and why, in plain words, on one line
   */
  public ConfidentialityException(String message) {
    super(message);
  }
}
