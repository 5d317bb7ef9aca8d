package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * Replaces patient identifiers with typed placeholders such as {@code [NHS-NUMBER]}, in one text or
 * in a whole group record.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Redactor {
  private static final Redactor STANDARD = new Redactor(IdentifierDetector.standard());

  private final IdentifierDetector detector;

  private Redactor(IdentifierDetector detector) {
    this.detector = detector;
  }

  /**
   * The redactor that uses {@link IdentifierDetector#standard()}.
   *
   * @return the standard redactor
   */
  public static Redactor standard() {
    return STANDARD;
  }

  /**
   * A redactor that uses the given detector.
   *
   * @param detector finds the identifiers to replace
   * @return the redactor
   * @throws NullPointerException if {@code detector} is null
   */
  public static Redactor using(IdentifierDetector detector) {
    return new Redactor(checkNotNull(detector, "detector must not be null"));
  }

  /**
   * Redacts one text.
   *
   * @param text the text to redact
   * @return the redacted text with the identifiers found, their spans indexing {@code text}
   * @throws NullPointerException if {@code text} is null
   */
  public Redaction redact(String text) {
    checkNotNull(text, "text must not be null");
    ImmutableList<Identifier> identifiers = detector.detect(text);
    StringBuilder redacted = new StringBuilder(text.length());
    int from = 0;
    for (Identifier identifier : identifiers) {
      redacted.append(text, from, identifier.start()).append(identifier.type().placeholder());
      from = identifier.end();
    }
    redacted.append(text, from, text.length());
    return Redaction.builder()
        .original(text)
        .text(redacted.toString())
        .identifiers(identifiers)
        .build();
  }

  /**
   * Redacts the case titles and contribution texts of every session of a record. Roster names, ids,
   * times and extensions are left as they are.
   *
   * <p>A placeholder can be longer than what it replaces; a contribution whose redacted text would
   * pass {@link Contribution#MAX_TEXT_LENGTH} is cut to that length (only placeholders and text
   * already free of the identifiers found remain).
   *
   * @param record the record to redact
   * @return a new record with redacted titles and texts
   * @throws NullPointerException if {@code record} is null
   */
  public GroupRecord redact(GroupRecord record) {
    checkNotNull(record, "record must not be null");
    ImmutableList.Builder<Session> sessions = ImmutableList.builder();
    for (Session session : record.sessions()) {
      sessions.add(redact(session));
    }
    return record.withSessions(sessions.build());
  }

  /**
   * Redacts the case titles and contribution texts of one session.
   *
   * @param session the session to redact
   * @return a new session with redacted titles and texts
   * @throws NullPointerException if {@code session} is null
   */
  public Session redact(Session session) {
    checkNotNull(session, "session must not be null");
    ImmutableList.Builder<Case> cases = ImmutableList.builder();
    for (Case c : session.cases()) {
      cases.add(c.withTitle(bounded(redact(c.title()).text())));
    }
    ImmutableList.Builder<Contribution> contributions = ImmutableList.builder();
    for (Contribution contribution : session.contributions()) {
      contributions.add(contribution.withText(bounded(redact(contribution.text()).text())));
    }
    return session.withCases(cases.build()).withContributions(contributions.build());
  }

  private static String bounded(String text) {
    if (text.codePointCount(0, text.length()) <= Contribution.MAX_TEXT_LENGTH) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, Contribution.MAX_TEXT_LENGTH));
  }
}
