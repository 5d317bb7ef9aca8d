package org.balint.cli;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.balint.session.ContributionKind;

/**
 * What a {@code balint} REFI-QDA project is made of: the namespace, the names of its users and
 * variables, the codebook of the seven kinds with their definitions, and the GUIDs of its parts.
 *
 * <p>GUIDs are name-based (RFC 4122 version 3) on the group, session and contribution ids, so that
 * exporting the same documents twice gives the same project, and {@code qda import} finds a
 * session's source again by its GUID.
 */
final class QdaVocabulary {
  /** The QDA-XML project namespace. */
  static final String NAMESPACE = "urn:QDA-XML:project:1.0";

  /** The user under whose name the documents' own codings are exported. */
  static final String DOCUMENT_CODER = "balint/1 coder";

  /** The user under whose name {@code --suggest} codes what the documents leave uncoded. */
  static final String CLASSIFIER = "balint classifier";

  /** Where a contribution's codes that are not kinds are kept: {@code extensions.qda.codes}. */
  static final String EXTENSION = "qda";

  /**
   * A kind's definition and example, as the codebook describes the code.
   *
   * @param kind the kind
   * @return its definition
   */
  static String definition(ContributionKind kind) {
    return switch (kind) {
      case FEELING ->
          "An emotion or relational observation, about patient, doctor, relationship or the"
              + " group itself. Example: \"I felt quite irritated listening to her.\"";
      case SPECULATION ->
          "An imaginative hypothesis about the people or the relationship. Example: \"I wonder"
              + " whether she is testing if he will abandon her too.\"";
      case QUESTION ->
          "A factual clarifying question to the presenter. Example: \"How long has she been on"
              + " your list?\"";
      case CLINICAL ->
          "Clinical problem-solving: diagnosis, investigations, treatment, referral, management"
              + " advice. Example: \"Has anyone checked her thyroid function?\"";
      case NEW_CASE ->
          "Bringing in another patient or case. Example: \"I had a man exactly like this last"
              + " year...\"";
      case JUDGEMENT ->
          "Judging the presenter's practice as right or wrong. Example: \"You really shouldn't"
              + " have given in to her.\"";
      case FACILITATION ->
          "A leader's process move: steering, inviting, time-keeping. Example: \"Can we stay"
              + " with how the doctor felt?\"";
    };
  }

  /**
   * A colour per kind, so that a QDA program shows them apart.
   *
   * @param kind the kind
   * @return its colour, as {@code #RRGGBB}
   */
  static String colour(ContributionKind kind) {
    return switch (kind) {
      case FEELING -> "#2E86C1";
      case SPECULATION -> "#8E44AD";
      case QUESTION -> "#17A589";
      case CLINICAL -> "#C0392B";
      case NEW_CASE -> "#D68910";
      case JUDGEMENT -> "#7B241C";
      case FACILITATION -> "#566573";
    };
  }

  private QdaVocabulary() {}

  /**
   * A GUID that depends only on what it names.
   *
   * @param parts what the GUID names: its kind (user, code, source...) and ids
   * @return a lower-case GUID
   */
  static String guid(String... parts) {
    StringBuilder name = new StringBuilder("balint");
    for (String part : parts) {
      name.append('\u0000').append(part);
    }
    return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * A GUID as written in a project, in the form this class compares: lower case, no braces.
   *
   * @param guid the GUID as found
   * @return the normal form
   */
  static String normalGuid(String guid) {
    return guid.strip().replace("{", "").replace("}", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The name of a session's source: {@code group/session}.
   *
   * @param groupId the group's id
   * @param sessionId the session's id
   * @return the name
   */
  static String sourceName(String groupId, String sessionId) {
    return groupId + "/" + sessionId;
  }
}
