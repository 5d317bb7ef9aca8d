package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.json.BalintJson;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/** Export to a REFI-QDA project and import with no change in between is the identity. */
class QdaRoundTripTest {
  /**
   * What texts are made of: ASCII, punctuation and quotes, line breaks, letters with combining
   * accents, characters outside the Basic Multilingual Plane (an emoji with a skin tone, a
   * mathematical letter, a CJK ideograph of plane 2), a zero-width joiner, Cyrillic and Arabic.
   */
  private static final String[] PIECES = {
    "a",
    "b",
    "Z",
    " ",
    " ",
    "the ",
    "felt ",
    ".",
    ",",
    "\"",
    "'",
    ":",
    "\n",
    "\r\n",
    "\t",
    "e\u0301",
    "o\u0308",
    "\u0301",
    "\uD83D\uDE22",
    "\uD83D\uDC4D\uD83C\uDFFD",
    "\uD835\uDC9C",
    "\uD840\uDC00",
    "\u200D",
    "\u0436",
    "\u0639",
    "Priya",
    "Dr Ana Reyes",
    "m1: ",
    "\u00A0"
  };

  @TempDir Path dir;

  private static final Group GROUP =
      Group.builder()
          .id("g-1")
          .name("Round trip")
          .addLeaders(
              Leader.builder()
                  .id("L1")
                  .name("Dr Ana Reyes")
                  .profession(Profession.GP)
                  .training(LeaderTraining.TRAINED)
                  .build())
          .addMembers(
              Member.builder().id("m1").name("Dr Priya Nair").profession(Profession.GP).build(),
              Member.builder().id("m2").name("Jo Bell").profession(Profession.NURSE).build())
          .build();

  private static Gen<String> texts() {
    return lists()
        .of(integers().between(0, PIECES.length - 1))
        .ofSizeBetween(1, 12)
        .map(
            pieces -> {
              StringBuilder text = new StringBuilder();
              pieces.forEach(i -> text.append(PIECES[i]));
              return text.toString();
            });
  }

  /**
   * A contribution: text, kind (7 means none), speaker, whether it carries other extension data.
   */
  private static Gen<Contribution> contributions() {
    return texts()
        .zip(
            integers().between(0, 7),
            integers().between(0, 2),
            integers().between(0, 3),
            (text, kind, speaker, extension) -> {
              Contribution.Builder contribution =
                  Contribution.builder()
                      .speaker(List.of("L1", "m1", "m2").get(speaker))
                      .phase(Phase.values()[(kind + speaker) % Phase.values().length])
                      .text(text);
              if (kind < 7) {
                contribution.kind(ContributionKind.values()[kind]);
              }
              if (extension == 0) {
                contribution.extensions(Extensions.ofJson("{\"note\":\"kept\",\"n\":[1,2]}"));
              } else if (extension == 1) {
                contribution.extensions(
                    Extensions.ofJson("{\"qda\":{\"codes\":[\"flash\",\"fund\"]}}"));
              }
              return contribution.build();
            });
  }

  private static GroupRecord record(List<Contribution> first, List<Contribution> second) {
    return GroupRecord.builder()
        .group(GROUP)
        .addSessions(session("s1", first), session("s2", second), session("empty", List.of()))
        .build();
  }

  private static Session session(String id, List<Contribution> contributions) {
    return Session.builder()
        .id(id)
        .start(Instant.parse("2026-11-20T18:00:00Z"))
        .addPresent("L1", "m1", "m2")
        .addCases(Case.builder().presenter("m1").title("A case").build())
        .addAllContributions(contributions)
        .build();
  }

  @Test
  void exportThenImport_withoutChanges_isTheIdentity() {
    qt().withExamples(25)
        .forAll(
            lists().of(contributions()).ofSizeBetween(1, 8),
            lists().of(contributions()).ofSizeBetween(0, 8))
        .checkAssert(
            (first, second) ->
                roundTrip(second.isEmpty() ? record(first, first) : record(first, second)));
  }

  private void roundTrip(GroupRecord record) {
    try {
      Path written = exportThenImport(record);
      assertEquals(record, BalintJson.read(written));
      assertEquals(BalintJson.write(record), Files.readString(written));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void exportThenImport_pseudonymised_isTheIdentityToo() {
    qt().withExamples(10)
        .forAll(lists().of(contributions()).ofSizeBetween(1, 6))
        .checkAssert(
            contributions -> {
              GroupRecord record = record(contributions, contributions);
              try {
                assertEquals(record, BalintJson.read(exportThenImport(record, "--pseudonymise")));
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  /**
   * Writes a record to a document, exports it with some options, imports the project back beside
   * the document and returns the document the import wrote.
   */
  private Path exportThenImport(GroupRecord record, String... exportOptions) {
    try {
      Path work = Files.createTempDirectory(dir, "case");
      Path file = work.resolve("group.json");
      Files.writeString(file, BalintJson.write(record));
      Path qdpx = work.resolve("group.qdpx");
      List<String> args =
          new ArrayList<>(List.of("qda", "export", file.toString(), "--out", qdpx.toString()));
      args.addAll(List.of(exportOptions));
      CliRun export = CliRun.of(args.toArray(String[]::new));
      assertEquals(ExitCodes.OK, export.exitCode, export::toString);
      Path out = work.resolve("out");
      CliRun back = QdaCommandTest.qdaImport(qdpx, out, file);
      assertEquals(ExitCodes.OK, back.exitCode, back::toString);
      return out.resolve("group.json");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
