package org.balint.cli;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.balint.analysis.Pseudonyms;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * Brings a coder's work in a REFI-QDA project back onto the documents it was exported from.
 *
 * <p>Each text source must be one session of the documents (found by its GUID, else by its name
 * {@code group/session}) with the very text {@code qda export} wrote for it, with or without
 * pseudonyms; every session with contributions must have its source. Then a contribution takes the
 * kind codes of the selections that overlap its text, the first in {@link
 * org.balint.session.ContributionKind#byPriority()} where there are several, and keeps the other
 * codes of those selections in {@code extensions.qda.codes}; a contribution no coded selection
 * overlaps keeps what it had. Codes on a source as a whole go to the session's {@code
 * extensions.qda.codes}.
 */
final class QdaImport {
  private static final class Target {
    final int document;
    final int session;

    Target(int document, int session) {
      this.document = document;
      this.session = session;
    }
  }

  private QdaImport() {}

  /**
   * Applies a project's codings to the documents.
   *
   * @param project the project
   * @param documents the documents it was exported from
   * @return the documents with the project's codings, in the same order
   * @throws CliFailure with exit code 2 naming what does not match
   */
  static ImmutableList<GroupRecord> apply(
      QdaProject project, List<ResearchDocuments.Document> documents) {
    Map<String, Target> byGuid = new HashMap<>();
    Map<String, Target> byName = new HashMap<>();
    for (int d = 0; d < documents.size(); d++) {
      GroupRecord record = documents.get(d).record;
      for (int s = 0; s < record.sessions().size(); s++) {
        Session session = record.sessions().get(s);
        if (!session.contributions().isEmpty()) {
          Target target = new Target(d, s);
          String groupId = record.group().id();
          byGuid.put(QdaVocabulary.guid("source", groupId, session.id()), target);
          byName.put(QdaVocabulary.sourceName(groupId, session.id()), target);
        }
      }
    }
    List<List<Session>> sessions = new ArrayList<>();
    for (ResearchDocuments.Document document : documents) {
      sessions.add(new ArrayList<>(document.record.sessions()));
    }
    Set<Target> matched = new LinkedHashSet<>();
    for (QdaProject.Source source : project.sources()) {
      Target target =
          byGuid.containsKey(source.guid) ? byGuid.get(source.guid) : byName.get(source.name);
      if (target == null) {
        throw mismatch(
            project, "source \"" + source.name + "\" is no session of the documents given");
      }
      ResearchDocuments.Document document = documents.get(target.document);
      Session session = document.record.sessions().get(target.session);
      String where = "session " + session.id() + " of " + document.file;
      if (!matched.add(target)) {
        throw mismatch(project, "two sources are " + where);
      }
      SessionTranscript transcript = transcript(project, source, document.record, session, where);
      sessions
          .get(target.document)
          .set(target.session, coded(project, source, session, transcript));
    }
    for (int d = 0; d < documents.size(); d++) {
      GroupRecord record = documents.get(d).record;
      for (int s = 0; s < record.sessions().size(); s++) {
        Session session = record.sessions().get(s);
        if (!session.contributions().isEmpty()
            && !matched.contains(
                byGuid.get(QdaVocabulary.guid("source", record.group().id(), session.id())))) {
          throw mismatch(
              project,
              "it has no source for session " + session.id() + " of " + documents.get(d).file);
        }
      }
    }
    ImmutableList.Builder<GroupRecord> records = ImmutableList.builder();
    for (int d = 0; d < documents.size(); d++) {
      GroupRecord record = documents.get(d).record;
      records.add(
          sessions.get(d).equals(record.sessions())
              ? record
              : GroupRecord.builder().from(record).sessions(sessions.get(d)).build());
    }
    return records.build();
  }

  private static SessionTranscript transcript(
      QdaProject project,
      QdaProject.Source source,
      GroupRecord record,
      Session session,
      String where) {
    SessionTranscript plain = SessionTranscript.of(session, text -> text);
    if (plain.content().equals(source.text)) {
      return plain;
    }
    SessionTranscript pseudonymised =
        SessionTranscript.of(session, Pseudonyms.of(record.group())::replaceIn);
    if (pseudonymised.content().equals(source.text)) {
      return pseudonymised;
    }
    throw mismatch(
        project,
        "the text of source \""
            + source.name
            + "\" differs from "
            + where
            + " at line "
            + plain.firstDifferingLine(source.text));
  }

  private static Session coded(
      QdaProject project, QdaProject.Source source, Session session, SessionTranscript transcript) {
    int count = session.contributions().size();
    List<Set<ContributionKind>> kinds = new ArrayList<>();
    List<Set<String>> others = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      kinds.add(EnumSet.noneOf(ContributionKind.class));
      others.add(new LinkedHashSet<>());
    }
    int length = source.text.codePointCount(0, source.text.length());
    for (QdaProject.Selection selection : source.selections) {
      if (selection.end > length) {
        throw mismatch(
            project,
            "a selection of source \""
                + source.name
                + "\" ends at "
                + selection.end
                + ", beyond its text of "
                + length
                + " characters");
      }
      if (selection.codes.isEmpty()) {
        continue;
      }
      for (int i = 0; i < count; i++) {
        if (selection.start < transcript.end(i) && transcript.start(i) < selection.end) {
          for (String code : selection.codes) {
            Optional<ContributionKind> kind = kindNamed(code);
            if (kind.isPresent()) {
              kinds.get(i).add(kind.get());
            } else {
              others.get(i).add(code);
            }
          }
        }
      }
    }
    List<Contribution> contributions = new ArrayList<>(session.contributions());
    for (int i = 0; i < count; i++) {
      Contribution contribution = contributions.get(i);
      Contribution.Builder changed = Contribution.builder().from(contribution);
      boolean change = false;
      Optional<ContributionKind> kind =
          ContributionKind.byPriority().stream().filter(kinds.get(i)::contains).findFirst();
      if (kind.isPresent() && !kind.equals(contribution.kind())) {
        changed.kind(kind);
        change = true;
      }
      List<String> codes = List.copyOf(others.get(i));
      if (!codes.isEmpty() && !codes.equals(QdaCodes.in(contribution.extensions()))) {
        changed.extensions(QdaCodes.with(contribution.extensions(), codes));
        change = true;
      }
      if (change) {
        contributions.set(i, changed.build());
      }
    }
    Session.Builder result = Session.builder().from(session).contributions(contributions);
    if (!source.codes.isEmpty() && !source.codes.equals(QdaCodes.in(session.extensions()))) {
      result.extensions(QdaCodes.with(session.extensions(), source.codes));
    }
    return result.build();
  }

  private static Optional<ContributionKind> kindNamed(String code) {
    for (ContributionKind kind : ContributionKind.values()) {
      if (kind.name().equals(code)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  private static CliFailure mismatch(QdaProject project, String what) {
    return new CliFailure(
        ExitCodes.BAD_INPUT, project.file() + " does not match the documents: " + what);
  }
}
