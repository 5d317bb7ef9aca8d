package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ObjectArrays;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconClassifierTest {
  private static final LexiconClassifier STANDARD = LexiconClassifier.standard();

  private static Classification discussion(String text, SpeakerRole role) {
    return STANDARD.classify(text, Optional.of(Phase.DISCUSSION), Optional.of(role));
  }

  private static Cue cue(Classification classification, String name) {
    return classification.cues().stream()
        .filter(cue -> cue.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cue " + name + " in " + classification));
  }

  @Test
  void cues_askedLaterOrInAnotherThread_areThoseOfTheirOwnText() throws Exception {
    // Cues are found when first asked for, by scanning the text again: a classification asked
    // after others were made, or in another thread, still explains its own text.
    for (LexiconClassifier classifier :
        ImmutableList.of(LexiconClassifier.standard(), LexiconClassifier.fitted())) {
      String first = "Has anyone checked her thyroid function?";
      String second = "I had a man exactly like this last year, on my list for ages.";
      Optional<Phase> phase = Optional.of(Phase.DISCUSSION);
      Optional<SpeakerRole> role = Optional.of(SpeakerRole.MEMBER);
      Classification early = classifier.classify(first, phase, role);
      Classification late = classifier.classify(second, phase, role);
      Thread other = new Thread(() -> early.cues());
      other.start();
      other.join();

      assertEquals("thyroid", cue(early, "clinical.investigation:thyroid").matched());
      assertEquals(classifier.classify(first, phase, role).cues(), early.cues());
      assertEquals(classifier.classify(second, phase, role).cues(), late.cues());
      for (Classification result : ImmutableList.of(early, late)) {
        String text = result == early ? first : second;
        assertTrue(
            result.cues().stream()
                .allMatch(cue -> text.substring(cue.start(), cue.end()).equals(cue.matched())),
            result::toString);
      }
    }
  }

  @Test
  void standard_isSharedAndHasTheWholeLexicon() {
    assertSame(STANDARD, LexiconClassifier.standard());
    assertSame(STANDARD, ContributionClassifiers.standard());
    assertTrue(STANDARD.size() > 500, "size " + STANDARD.size());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // NEW_CASE: another patient of the speaker's, in words the corpora do not use.
        "A patient of mine in Leeds did just that.|NEW_CASE",
        "I once had a lorry driver who would only see me on Fridays.|NEW_CASE",
        "This reminds me of a gentleman I saw years ago.|NEW_CASE",
        // JUDGEMENT: blame and praise of the presenter's practice.
        "You should have asked him to leave.|JUDGEMENT",
        "You handled that well.|JUDGEMENT",
        "That was inappropriate, frankly.|JUDGEMENT",
        // CLINICAL: tests, drugs, referral, management advice.
        "Has anyone checked his ferritin?|CLINICAL",
        "I'd refer her to rheumatology.|CLINICAL",
        "Have you considered starting an SSRI?|CLINICAL",
        // FACILITATION: process moves.
        "Let's hear from the other side of the room.|FACILITATION",
        "We've only got five minutes left.|FACILITATION",
        // QUESTION: factual clarifying questions.
        "How long has he lived alone?|QUESTION",
        "Did his brother come with him?|QUESTION",
        // SPECULATION: hedged hypotheses.
        "Perhaps he needs her to stay ill.|SPECULATION",
        "I wonder whether she is punishing her mother.|SPECULATION",
        // FEELING: first-person feelings.
        "I feel terribly sad about her.|FEELING",
        "It makes me feel helpless.|FEELING",
      })
  void classify_cueFamilyDecidesTheKind(String text, ContributionKind expected) {
    SpeakerRole role =
        expected == ContributionKind.FACILITATION ? SpeakerRole.LEADER : SpeakerRole.MEMBER;
    Classification classification = discussion(text, role);

    assertEquals(expected, classification.kind(), classification.toString());
    assertFalse(classification.cues().isEmpty());
    classification.cues().forEach(cue -> assertEquals(expected, cue.kind()));
  }

  @Test
  void classify_cueSpanIndexesTheOriginalText() {
    String text = "Well, I’d REFER him to the Pain-Clinic.";
    Classification classification = discussion(text, SpeakerRole.MEMBER);

    assertEquals(ContributionKind.CLINICAL, classification.kind());
    Cue refer = cue(classification, "clinical.advice:i'd refer");
    assertEquals(6, refer.start());
    assertEquals(15, refer.end());
    assertEquals("I’d REFER", refer.matched());
    Cue clinic = cue(classification, "clinical.referral:pain clinic");
    assertEquals("Pain-Clinic", clinic.matched());
    assertEquals(text.indexOf("Pain"), clinic.start());
  }

  @Test
  void classify_cuesAreInTextOrder() {
    Classification classification =
        discussion("I'd check her thyroid and her B12, and maybe a CT.", SpeakerRole.MEMBER);

    ImmutableList<Cue> cues = classification.cues();
    assertTrue(cues.size() >= 3, cues.toString());
    for (int i = 1; i < cues.size(); i++) {
      assertTrue(cues.get(i - 1).start() <= cues.get(i).start(), cues.toString());
    }
  }

  @Test
  void classify_wholeWordsOnly() {
    // "ct" must not fire inside "doctor" or "actually", nor "sad" inside "crusade".
    Classification classification =
        discussion("The doctor actually went on a crusade.", SpeakerRole.MEMBER);

    assertNotEquals(ContributionKind.CLINICAL, classification.kind());
    assertNotEquals(ContributionKind.FEELING, classification.kind());
  }

  @Test
  void classify_wildcardMatchesWordEndings() {
    Classification classification = discussion("What about antibiotics?", SpeakerRole.MEMBER);

    assertEquals(ContributionKind.CLINICAL, classification.kind());
    assertEquals("antibiotics", cue(classification, "clinical.drug:antibiotic*").matched());
  }

  @Test
  void classify_longerPhraseReplacesTheShorterOfTheSameKind() {
    Classification classification =
        discussion("I wonder whether he is lonely.", SpeakerRole.MEMBER);

    assertEquals(ContributionKind.SPECULATION, classification.kind());
    assertEquals(
        ImmutableList.of("speculation.hedge:i wonder whether"),
        classification.cues().stream().map(Cue::name).collect(ImmutableList.toImmutableList()));
  }

  @Test
  void classify_priorityPutsJudgementAboveClinical() {
    Classification classification =
        discussion("You shouldn't have prescribed the antibiotics.", SpeakerRole.MEMBER);

    assertEquals(ContributionKind.JUDGEMENT, classification.kind());
  }

  @Test
  void classify_clinicalQuestionIsClinicalNotQuestion() {
    Classification classification =
        STANDARD.classify(
            "Is she on any regular medication?",
            Optional.of(Phase.QUESTIONS),
            Optional.of(SpeakerRole.MEMBER));

    assertEquals(ContributionKind.CLINICAL, classification.kind());
  }

  @Test
  void classify_speculativeQuestionIsSpeculation() {
    assertEquals(
        ContributionKind.SPECULATION,
        discussion("Could it be that he wants to be found out?", SpeakerRole.MEMBER).kind());
  }

  @Test
  void classify_leaderRoleAloneIsNotFacilitation() {
    assertEquals(
        ContributionKind.SPECULATION,
        discussion("Perhaps the son is the one who is frightened.", SpeakerRole.LEADER).kind());
    assertEquals(
        ContributionKind.FACILITATION,
        discussion("Can we stay with the son for a moment?", SpeakerRole.LEADER).kind());
  }

  @Test
  void classify_withoutCuesFallsBackOnThePhaseDefault() {
    Classification questions =
        STANDARD.classify("Xyz.", Optional.of(Phase.QUESTIONS), Optional.empty());
    Classification unknown = STANDARD.classify("Xyz.");

    assertEquals(ContributionKind.QUESTION, questions.kind());
    assertEquals(ContributionKind.SPECULATION, unknown.kind());
    assertTrue(unknown.cues().isEmpty());
  }

  @Test
  void classify_emptyText() {
    Classification classification = STANDARD.classify("");

    assertEquals(ContributionKind.SPECULATION, classification.kind());
    assertTrue(classification.cues().isEmpty());
  }

  @Test
  void classify_nullArguments_throw() {
    assertThrows(NullPointerException.class, () -> STANDARD.classify(null));
    assertThrows(
        NullPointerException.class, () -> STANDARD.classify("text", null, Optional.empty()));
    assertThrows(
        NullPointerException.class, () -> STANDARD.classify("text", Optional.empty(), null));
  }

  @Test
  void everyCueSpanMatchesTheTextItNames_onTheCorpora() {
    for (String corpus :
        ImmutableList.of(
            LabelledCorpus.DEVELOPMENT,
            LabelledCorpus.HELD_OUT,
            LabelledCorpus.HELD_OUT_2,
            LabelledCorpus.HELD_OUT_3,
            LabelledCorpus.HELD_OUT_4,
            LabelledCorpus.HELD_OUT_5)) {
      for (LabelledContribution example : LabelledCorpus.load(corpus)) {
        Classification classification =
            STANDARD.classify(example.text(), example.phase(), example.role());
        for (Cue cue : classification.cues()) {
          assertEquals(
              example.text().substring(cue.start(), cue.end()), cue.matched(), cue.toString());
          assertEquals(classification.kind(), cue.kind());
        }
      }
    }
  }

  @Test
  void load_customLexiconClassifiesWithItsOwnPhrases() throws IOException {
    String german =
        String.join(
            "\n",
            "# a tiny German lexicon",
            "@default * SPECULATION",
            "@family gefuehl",
            "FEELING 1.0 ich fühle",
            "FEELING 0.8 traurig",
            "@family klinisch",
            "CLINICAL 2.0 überweis*");
    LexiconClassifier classifier = LexiconClassifier.load(new StringReader(german), "de.txt");

    Classification feeling = classifier.classify("Ich fühle mich TRAURIG.");
    Classification clinical = classifier.classify("Eine Überweisung zum Kardiologen?");

    assertEquals(3, classifier.size());
    assertEquals(ContributionKind.FEELING, feeling.kind());
    assertEquals("gefuehl:ich fühle", feeling.cues().get(0).name());
    assertEquals("TRAURIG", feeling.cues().get(1).matched());
    assertEquals(ContributionKind.CLINICAL, clinical.kind());
    assertEquals("Überweisung", clinical.cues().get(0).matched());
  }

  private static LexiconClassifier lexicon(String... lines) throws IOException {
    return LexiconClassifier.load(new StringReader(String.join("\n", lines)), "test.txt");
  }

  /** A lexicon that decides linearly, its fallback FEELING, with the given further lines. */
  private static LexiconClassifier linear(String... lines) throws IOException {
    return lexicon(
        ObjectArrays.concat(
            new String[] {"@decision linear", "@default * FEELING"}, lines, String.class));
  }

  @Test
  void requires_kindWithoutACueOfTheFamily_doesNotCount() throws IOException {
    LexiconClassifier classifier =
        lexicon(
            "@default * FEELING",
            "@requires QUESTION ask",
            "@family ask",
            "QUESTION 1.0 ?",
            "@family opener",
            "QUESTION 1.0 where",
            "@family hedge",
            "SPECULATION 0.6 maybe");

    Classification statement = classifier.classify("Maybe the shelter where he sleeps is home.");
    Classification question = classifier.classify("Where does he sleep?");

    assertEquals(ContributionKind.SPECULATION, statement.kind());
    assertEquals(ContributionKind.QUESTION, question.kind());
    assertEquals(
        ImmutableList.of("opener:where", "ask:?"),
        question.cues().stream().map(Cue::name).collect(ImmutableList.toImmutableList()));
  }

  @Test
  void linearDecision_everyKindGetsItsBiasAndEveryPhraseCountsOnce() throws IOException {
    LexiconClassifier classifier =
        linear(
            "@bias QUESTION 0.3",
            "@prior role LEADER FACILITATION 0.5",
            "@family word",
            "SPECULATION 0.2 maybe",
            "FEELING 0.4 sad",
            "@family pair",
            "FEELING 0.1 so sad");

    // No containment: "so sad" and "sad" both count (0.5 against SPECULATION's 0.2), and a
    // repeated phrase counts once ("maybe maybe maybe" is 0.2, under QUESTION's bias of 0.3).
    assertEquals(ContributionKind.FEELING, classifier.classify("Maybe so sad.").kind());
    assertEquals(2, classifier.classify("Maybe so sad.").cues().size());
    assertEquals(ContributionKind.QUESTION, classifier.classify("Maybe maybe maybe.").kind());
    // A kind without a phrase still gets its bias and priors, and may win on them alone.
    assertEquals(ContributionKind.QUESTION, classifier.classify("Nothing here.").kind());
    assertEquals(
        ContributionKind.FACILITATION,
        classifier
            .classify("Nothing here.", Optional.empty(), Optional.of(SpeakerRole.LEADER))
            .kind());
    assertTrue(classifier.classify("Nothing here.").cues().isEmpty());
  }

  @Test
  void startMark_phraseOnTheFirstWord_matchesThereOnly_andItsCueIsTheWord() throws IOException {
    LexiconClassifier classifier =
        linear("@start-mark \u00b6", "@family first", "QUESTION 1.0 \u00b6 has");

    Classification first = classifier.classify("Has he got a job?");
    Classification later = classifier.classify("He has a job.");

    assertEquals(ContributionKind.QUESTION, first.kind());
    assertEquals("Has", first.cues().get(0).matched());
    assertEquals(0, first.cues().get(0).start());
    assertEquals(3, first.cues().get(0).end());
    assertTrue(later.cues().isEmpty(), later::toString);
  }

  @Test
  void cueThreshold_reportsOnlyPhrasesThatWeighedEnough() throws IOException {
    LexiconClassifier classifier =
        linear("@cue-threshold 0.3", "@family word", "FEELING 0.5 sad", "FEELING 0.1 today");

    Classification result = classifier.classify("Sad today.");

    assertEquals(ContributionKind.FEELING, result.kind());
    assertEquals(
        ImmutableList.of("Sad"),
        result.cues().stream().map(Cue::matched).collect(ImmutableList.toImmutableList()));
  }

  @Test
  void fitted_isSharedLinearAndAgreesWithTheCodersOnItsTrainingCorpus() {
    assertSame(LexiconClassifier.fitted(), ContributionClassifiers.fitted());
    Classification clinical =
        LexiconClassifier.fitted()
            .classify(
                "Has anyone checked her thyroid function?",
                Optional.of(Phase.DISCUSSION),
                Optional.of(SpeakerRole.MEMBER));
    ClassifierEvaluation development =
        ClassifierEvaluation.of(
            LexiconClassifier.fitted(), LabelledCorpus.load(LabelledCorpus.DEVELOPMENT));

    assertEquals(ContributionKind.CLINICAL, clinical.kind());
    // The standard lexicon's families are features of the model: their phrases are its cues.
    assertTrue(
        clinical.cues().stream()
            .anyMatch(cue -> cue.name().equals("clinical.investigation:thyroid")),
        clinical::toString);
    assertTrue(clinical.cues().stream().allMatch(cue -> cue.kind() == ContributionKind.CLINICAL));
    // Linear: a phrase inside a longer one of its kind still counts, where the standard lexicon
    // keeps only the longer.
    ImmutableList<String> names =
        clinical.cues().stream().map(Cue::name).collect(ImmutableList.toImmutableList());
    assertTrue(
        names.contains("clinical.advice:has anyone")
            && names.contains("clinical.advice:has anyone checked"),
        names::toString);
    // Fitted on the development corpus among others: in-sample, so close to the coders.
    assertTrue(development.macroF1() >= 0.93, development::toString);
  }

  @Test
  void mention_kindNamingThingsBesideATrigger_countsLess() throws IOException {
    LexiconClassifier classifier =
        lexicon(
            "@default * SPECULATION",
            "@threshold 0.5",
            "@mention CLINICAL 0.5 FEELING drug",
            "@family drug",
            "CLINICAL 1.6 morphine",
            "@family plan",
            "CLINICAL 1.0 start her on",
            "@family feeling",
            "FEELING 1.0 i felt sick");

    // 1.6 halved is 0.8, under the feeling's 1.0.
    assertEquals(
        ContributionKind.FEELING,
        classifier.classify("I felt sick when the morphine pump beeped.").kind());
    // Without a trigger kind, or with a proposal beside the name, the evidence stays whole.
    assertEquals(
        ContributionKind.CLINICAL,
        classifier.classify("The morphine pump beeped all night.").kind());
    assertEquals(
        ContributionKind.CLINICAL,
        classifier.classify("I felt sick, but I'd start her on morphine.").kind());
  }
}
