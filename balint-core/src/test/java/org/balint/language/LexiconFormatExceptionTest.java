package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import org.balint.session.ContributionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading errors in a user-supplied lexicon name the source and the line. */
class LexiconFormatExceptionTest {
  private static final String HEAD = "# my lexicon\n@default * FEELING\nFEELING 1.0 sad\n";

  private static LexiconFormatException failure(String lexicon) {
    return assertThrows(
        LexiconFormatException.class,
        () -> LexiconClassifier.load(new StringReader(lexicon), "mine.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "FEELINGS 1.0 glad|unknown kind 'FEELINGS'",
        "FEELING heavy glad|weight must be a number, but was 'heavy'",
        "FEELING NaN glad|weight must be a finite number",
        "FEELING 1.0|expected 'KIND WEIGHT PHRASE'",
        "FEELING 1.0 *|has no words or marks to match",
        "FEELING 1.0 --|has no words or marks to match",
        "FEELING 1.0 gl*ad|a wildcard may only end it",
        "FEELING 1.0 *ologist|a wildcard may only end it",
        "FEELING 1.0 ab*|puts '*' after less than a 3-letter word",
        "FEELING 1.0 why ?*|puts '*' after less than a 3-letter word",
        "FEELING 2.0 sad|phrase 'sad' for FEELING is already on line 3",
        "@bias FEELING|expected '@bias KIND WEIGHT' but found 2 fields",
        "@prior mood LEADER FEELING 1.0|@prior applies to 'phase' or 'role', not 'mood'",
        "@prior phase LUNCH FEELING 1.0|unknown phase 'LUNCH'",
        "@prior role CHAIR FEELING 1.0|unknown role 'CHAIR'",
        "@weights 1 2|unknown directive '@weights'",
        "@threshold low|weight must be a number, but was 'low'",
        "@requires QUESTION|expected '@requires KIND FAMILY...' but found 2 fields",
        "@requires QUESTIONS cue|unknown kind 'QUESTIONS'",
        "@mention CLINICAL 0.5 FEELING|expected '@mention KIND FACTOR KIND... FAMILY...'",
        "@mention CLINICAL 1.5 FEELING cue|the factor of @mention must be between 0 and 1",
        "@mention CLINICAL 0.5 cue other|at least one kind and one family",
        "@mention CLINICAL 0.5 FEELING nosuch|no entry is in the family 'nosuch'",
        "@decision vote|@decision is 'table' or 'linear', not 'vote'",
        "@cue-threshold -1|@cue-threshold must not be negative",
        "@start-mark word|@start-mark takes one mark character",
        "@start-mark ??|@start-mark takes one mark character",
      })
  void load_malformedLine_namesTheLine(String line, String problem) {
    LexiconFormatException e = failure(HEAD + "\n" + line + "\n");

    assertEquals(5, e.lineNumber());
    assertEquals("mine.txt", e.source());
    assertTrue(e.getMessage().startsWith("mine.txt, line 5: "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void load_phraseThatIsOnlyTheStartMark_namesItsLine() {
    LexiconFormatException e = failure(HEAD + "\nQUESTION 1.0 \u00b6\n@start-mark \u00b6\n");

    assertEquals(5, e.lineNumber());
    assertTrue(e.getMessage().contains("is only the start mark"), e.getMessage());
  }

  @Test
  void load_phraseOfMoreThan255Tokens_namesTheLine() {
    String longPhrase = String.join(" ", Collections.nCopies(256, "very"));

    LexiconFormatException e = failure(HEAD + "\nFEELING 1.0 " + longPhrase + "\n");

    assertEquals(5, e.lineNumber());
    assertTrue(
        e.getMessage().contains("phrase has 256 words and marks; at most 255"), e.getMessage());
  }

  @Test
  void load_phraseOf255Tokens_isAccepted() throws IOException {
    String longPhrase = String.join(" ", Collections.nCopies(255, "very"));

    LexiconClassifier classifier =
        LexiconClassifier.load(new StringReader(HEAD + "FEELING 1.0 " + longPhrase + "\n"), "x");

    assertEquals(
        ContributionKind.FEELING,
        classifier.classify(longPhrase + " indeed", Optional.empty(), Optional.empty()).kind());
    assertEquals(
        longPhrase,
        classifier
            .classify(longPhrase, Optional.empty(), Optional.empty())
            .cues()
            .get(0)
            .matched());
  }

  @Test
  void load_withoutEntries_fails() {
    LexiconFormatException e = failure("# nothing\n@default * FEELING\n");

    assertTrue(e.getMessage().contains("the lexicon has no entries"), e.getMessage());
  }

  @Test
  void load_withoutCatchAllDefault_fails() {
    LexiconFormatException e = failure("FEELING 1.0 sad\n");

    assertTrue(e.getMessage().contains("@default * KIND"), e.getMessage());
  }

  @Test
  void load_fromUtf8Stream() throws IOException {
    byte[] bytes = (HEAD + "FEELING 1.0 ängstlich\n").getBytes(StandardCharsets.UTF_8);

    LexiconClassifier classifier =
        LexiconClassifier.load(new ByteArrayInputStream(bytes), "stream.txt");

    assertEquals("ängstlich", classifier.classify("So ängstlich!").cues().get(0).matched());
  }

  @Test
  void constructor_rejectsLineZero() {
    assertThrows(IllegalArgumentException.class, () -> new LexiconFormatException("x", 0, "bad"));
  }
}
