package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.method.ClinicalDriftRule;
import org.balint.method.ClinicalRule;
import org.balint.method.JudgementRule;
import org.balint.method.NewCaseRule;
import org.balint.method.Protocols;
import org.balint.method.Violation;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code ./balint validate} finds in documents whose contributions carry no coded kind, so
 * that the classifier decides: the blind sets' sentences are dealt into balint/1 sessions without
 * their labels, validated with {@link Protocols#standard()}, and the kind-based violations found
 * ({@code discussion.clinical}, {@code discussion.new-case}, {@code discussion.judgement}, {@code
 * discussion.clinical-drift}) are compared with those the coders' labels call for under the rules
 * of docs/format.md. A false CLINICAL, NEW_CASE or JUDGEMENT on a feeling interrupts a facilitator
 * as surely as a miss lets the group drift, so the figure is the F1 of the two lists
 * (docs/classifier.md gives the history).
 */
class ClassifierValidationTest {
  private static final ImmutableSet<String> KIND_RULES =
      ImmutableSet.of(ClinicalRule.ID, NewCaseRule.ID, JudgementRule.ID, ClinicalDriftRule.ID);
  private static final Instant START = Instant.parse("2026-11-20T18:00:00Z");
  private static final int SESSION_SIZE = 15;
  private static final int MEMBERS = 8;

  /**
   * Under every set's current figure. Scored blind with the standard lexicon, before their errors
   * were read, sets 5, 6 and 7 gave 0.915, 0.946 and 0.926; the default classifier, the fitted
   * model, was fitted to these sets.
   */
  private static final double FLOOR = 0.95;

  /** Under the independent sets' figures with the fitted model, which was fitted to them. */
  private static final double INDEPENDENT_FLOOR = 0.95;

  /** Under the fast model's figure on sets 28 to 31 without coded kinds. */
  private static final double FAST_FLOOR = 0.86;

  /** Under the standard lexicon's figure on the unread sets. */
  private static final double STANDARD_FLOOR = 0.69;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void uncodedBlindSet_violationsAgreeWithTheCoders(int set) {
    Agreement agreement = uncodedAgreement(set);

    assertTrue(agreement.expected() > 0, "the set calls for no violation at all");
    assertTrue(agreement.f1() >= FLOOR, set + ": F1 " + agreement + " fell below " + FLOOR);
  }

  /**
   * The same check on the independent writers' sets that the fitted model was fitted to (8 to 27).
   * With the standard lexicon, scored before their errors were read, sets 8 to 11 gave 0.713 to
   * 0.788, sets 12 and 13 0.878 and 0.796, sets 14 and 15 0.795 and 0.845.
   */
  @ParameterizedTest
  @ValueSource(
      ints = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27})
  void uncodedIndependentSet_violationsAgreeWithTheCodersAboveItsFloor(int set) {
    Agreement agreement = uncodedAgreement(set);

    assertTrue(
        agreement.f1() >= INDEPENDENT_FLOOR,
        set + ": F1 " + agreement + " fell below " + INDEPENDENT_FLOOR);
  }

  /**
   * The fast model alone on the four sets 28 to 31, their documents without coded kinds, under the
   * standard protocol: the violations found, pooled, agree with those the coders' labels call for
   * with F1 0.870 (precision 0.980, recall 0.782). The protocol's minimum confidence (0.8) leaves
   * the fast model's less certain kinds uncounted, trading recall for precision; the command line's
   * default, the cascade of the encoder module, decides those instead. The floor guards against
   * losing more.
   */
  @Test
  void uncodedUnreadSets_fastModelStaysAboveItsFloor() {
    Agreement pooled = uncodedUnreadAgreement(ContributionClassifiers.defaultClassifier());

    assertTrue(pooled.f1() >= FAST_FLOOR, "F1 " + pooled + " fell below " + FAST_FLOOR);
  }

  /**
   * The standard lexicon ({@code --classifier standard}) on the same sets under the standard
   * protocol: 0.698 pooled (precision 0.945, recall 0.553). It misses the target; the floor guards
   * against losing more.
   */
  @Test
  void uncodedUnreadSets_withTheStandardLexicon_stayAboveItsFloor() {
    Agreement pooled = uncodedUnreadAgreement(ContributionClassifiers.standard());

    assertTrue(pooled.f1() >= STANDARD_FLOOR, "F1 " + pooled + " fell below " + STANDARD_FLOOR);
  }

  /**
   * The agreement on the unread sets, each dealt into sessions without coded kinds, pooled; also
   * called by the encoder module's tests with its classifiers (through this module's test jar).
   */
  static Agreement uncodedUnreadAgreement(ContributionClassifier classifier) {
    Agreement pooled = new Agreement(0, 0, 0);
    for (int set = LabelledCorpus.FIRST_UNREAD_SET; set <= LabelledCorpus.BLIND_SETS; set++) {
      pooled = pooled.plus(uncodedAgreement(set, classifier));
    }
    System.out.println("unread sets pooled, " + classifier + ": kind-based violations " + pooled);
    return pooled;
  }

  /**
   * The agreement, on one blind set dealt into sessions without coded kinds, between the violations
   * the standard protocol finds with the default classifier and those the coders' labels call for;
   * printed.
   */
  private static Agreement uncodedAgreement(int set) {
    return uncodedAgreement(set, ContributionClassifiers.defaultClassifier());
  }

  /** The same with a given classifier deciding the uncoded kinds. */
  private static Agreement uncodedAgreement(int set, ContributionClassifier classifier) {
    String corpus = LabelledCorpus.blind(set);
    ImmutableList<LabelledContribution> examples = LabelledCorpus.load(corpus);
    GroupRecord record = record(examples, false);
    Agreement agreement = agreement(expected(record, examples), found(record, classifier));
    System.out.println(corpus + ": kind-based violations " + agreement);
    return agreement;
  }

  @Test
  void codedBlindSet_givesExactlyTheViolationsTheLabelsCallFor() {
    // The oracle below reads the rules of docs/format.md independently of the rules: with the
    // coders' kinds in
    // the document, the rules must agree with it exactly.
    ImmutableList<LabelledContribution> examples =
        LabelledCorpus.load(LabelledCorpus.blind(LabelledCorpus.BLIND_SETS));
    GroupRecord record = record(examples, true);

    assertEquals(expected(record, examples), found(record, ContributionClassifiers.standard()));
    assertEquals(
        expected(record, examples), found(record, ContributionClassifiers.defaultClassifier()));
  }

  /** The kind-based violations the standard protocol reports, as comparable keys. */
  private static Set<String> found(GroupRecord record, ContributionClassifier classifier) {
    Set<String> keys = new TreeSet<>();
    for (Violation violation : Protocols.standard().validate(record, classifier).violations()) {
      if (KIND_RULES.contains(violation.ruleId())) {
        keys.add(
            key(
                violation.ruleId(),
                violation.sessionId().orElse("-"),
                violation.contributionIndex().isPresent()
                    ? violation.contributionIndex().getAsInt()
                    : -1));
      }
    }
    return keys;
  }

  /**
   * The kind-based violations the coders' labels call for, read from the rules of docs/format.md.
   */
  private static Set<String> expected(
      GroupRecord record, ImmutableList<LabelledContribution> examples) {
    Map<String, ContributionKind> labels = new HashMap<>();
    for (LabelledContribution example : examples) {
      assertNull(labels.put(example.text(), example.kind()), "repeated text " + example.text());
    }
    Set<String> keys = new TreeSet<>();
    for (Session session : record.sessions()) {
      int discussion = 0;
      int clinicalInDiscussion = 0;
      for (int i = 0; i < session.contributions().size(); i++) {
        Phase phase = session.contributions().get(i).phase();
        ContributionKind kind = labels.get(session.contributions().get(i).text());
        if (phase == Phase.DISCUSSION) {
          discussion++;
          if (kind == ContributionKind.CLINICAL) {
            clinicalInDiscussion++;
          }
        }
        if (!phase.isAfterPresentation()) {
          continue;
        }
        if (kind == ContributionKind.CLINICAL && phase != Phase.CLOSING) {
          keys.add(key(ClinicalRule.ID, session.id(), i));
        } else if (kind == ContributionKind.NEW_CASE) {
          keys.add(key(NewCaseRule.ID, session.id(), i));
        } else if (kind == ContributionKind.JUDGEMENT) {
          keys.add(key(JudgementRule.ID, session.id(), i));
        }
      }
      if (clinicalInDiscussion * 4 > discussion) {
        keys.add(key(ClinicalDriftRule.ID, session.id(), -1));
      }
    }
    return keys;
  }

  private static String key(String ruleId, String sessionId, int contributionIndex) {
    return ruleId + " " + sessionId + " " + contributionIndex;
  }

  /**
   * Deals the examples, in a fixed shuffled order, into sessions of fifteen, each in phase order,
   * with one case presented by m1, the leader L1 and members m2..m8 speaking in turn; the coders'
   * kinds are written into the document only when {@code coded}.
   */
  private static GroupRecord record(List<LabelledContribution> examples, boolean coded) {
    List<LabelledContribution> dealt = new ArrayList<>(examples);
    Collections.shuffle(dealt, new Random(20261120L));
    GroupRecord.Builder record = GroupRecord.builder().group(group());
    for (int from = 0, number = 1; from < dealt.size(); from += SESSION_SIZE, number++) {
      List<LabelledContribution> chunk =
          new ArrayList<>(dealt.subList(from, Math.min(dealt.size(), from + SESSION_SIZE)));
      chunk.sort(Comparator.comparing(example -> example.phase().orElseThrow()));
      record.addSessions(session("s" + number, chunk, coded, number));
    }
    return record.build();
  }

  private static Session session(
      String id, List<LabelledContribution> chunk, boolean coded, int number) {
    Instant start = START.plusSeconds(14L * 24 * 3600 * number);
    ImmutableList<String> present = roster();
    Session.Builder session =
        Session.builder()
            .id(id)
            .start(start)
            .end(start.plusSeconds(90 * 60))
            .addAllPresent(present)
            .recording(
                Recording.builder()
                    .purpose(RecordingPurpose.RESEARCH)
                    .addAllConsent(present)
                    .build())
            .addCase(Case.builder().presenter("m1").title("A case for the group").build());
    int turn = 0;
    for (LabelledContribution example : chunk) {
      Contribution.Builder contribution =
          Contribution.builder()
              .speaker(speaker(example.role().orElse(SpeakerRole.MEMBER), turn++))
              .phase(example.phase().orElseThrow())
              .text(example.text());
      if (coded) {
        contribution.kind(example.kind());
      }
      session.addContribution(contribution.build());
    }
    return session.build();
  }

  private static String speaker(SpeakerRole role, int turn) {
    switch (role) {
      case LEADER:
        return "L1";
      case PRESENTER:
        return "m1";
      default:
        return "m" + (2 + turn % (MEMBERS - 1));
    }
  }

  private static ImmutableList<String> roster() {
    ImmutableList.Builder<String> ids = ImmutableList.<String>builder().add("L1");
    for (int i = 1; i <= MEMBERS; i++) {
      ids.add("m" + i);
    }
    return ids.build();
  }

  private static Group group() {
    Group.Builder group =
        Group.builder()
            .id("blind")
            .name("Blind-set group")
            .addLeader(
                Leader.builder()
                    .id("L1")
                    .name("Dr Leader")
                    .profession(Profession.GP)
                    .training(LeaderTraining.ACCREDITED)
                    .build());
    for (int i = 1; i <= MEMBERS; i++) {
      group.addMember(
          Member.builder().id("m" + i).name("Dr Member " + i).profession(Profession.GP).build());
    }
    return group.build();
  }

  private static Agreement agreement(Set<String> expected, Set<String> found) {
    return new Agreement(Sets.intersection(expected, found).size(), expected.size(), found.size());
  }

  /** Counts of violations expected, found, and both. */
  static final class Agreement {
    private final int both;
    private final int expected;
    private final int found;

    Agreement(int both, int expected, int found) {
      this.both = both;
      this.expected = expected;
      this.found = found;
    }

    int expected() {
      return expected;
    }

    /** The counts of this and another agreement together. */
    Agreement plus(Agreement other) {
      return new Agreement(both + other.both, expected + other.expected, found + other.found);
    }

    double precision() {
      return found == 0 ? 1.0 : (double) both / found;
    }

    double recall() {
      return expected == 0 ? 1.0 : (double) both / expected;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format(
          "expected %d, found %d, both %d: precision %.3f recall %.3f F1 %.3f",
          expected, found, both, precision(), recall(), f1());
    }
  }
}
