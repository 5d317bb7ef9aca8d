package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Ascii;
import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The built-in detector of UK patient identifiers, for live transcripts of clinicians speaking and
 * for notes typed in a hurry.
 *
 * <p>Patterns run over a {@link NormalisedText normalised view} of the text (NFKC, invisible
 * characters removed, one kind of space, dash and apostrophe), so that "943 476 5919" is found
 * however it was spaced, and each span found is mapped back to the original text. Each type has a
 * pattern whose quantifiers are all bounded, so a scan is linear in the length of the text;
 * candidates that pass the type's own check (the NHS modulus-11 digit, the numbering plan of UK
 * phones, the postcode grammar, words that are not names or streets) are then resolved so that no
 * two overlap: the longer candidate wins, and between equal spans the more specific type (the order
 * of {@link IdentifierType}).
 *
 * <p>What is detected and what is deliberately not is described in {@code docs/privacy.md}.
 */
final class UkIdentifierDetector implements IdentifierDetector {
  static final UkIdentifierDetector INSTANCE = new UkIdentifierDetector();

  /** Optional words between an introducer ("DOB", "MRN") and the value it introduces. */
  private static final String FILLER =
      "(?:[ ]?[:#=,.-]|[ ](?i:is|was|of|on|reads|given as|recorded as|as|the|number|no\\.?)){0,4}[ ]?";

  /** Characters around a number that make it part of a longer number, a decimal or a date. */
  private static final String NOT_AFTER_NUMBER = "(?![\\w/]|[.,:/-]\\d)";

  // ---- NHS number: ten digits; spaced 3-3-4 (one separator throughout) or 5-5, or after "NHS"
  // in any grouping at all.
  private static final Pattern NHS_NUMBER =
      Pattern.compile(
          "(?=\\d)(?<![\\w+]|\\d[.,/-])(?:\\d{3}([ .-]?)\\d{3}\\1\\d{4}|\\d{5} \\d{5})"
              + NOT_AFTER_NUMBER);
  private static final Pattern NHS_NUMBER_INTRODUCED =
      Pattern.compile(
          "(?<!\\w)(?i:n\\.?h\\.?s\\.?)(?:[ ]?(?i:number|numb?\\.?|no\\.?|is|was|#|:|-)){0,4}[ ]?"
              + "(\\d(?:[ .-]?\\d){9})"
              + NOT_AFTER_NUMBER);

  // ---- Email: written ("jane.smith @ gmail.com", "jane.smith[at]gmail.com") or spoken ("jane
  // dot smith at nhs dot net").
  private static final String DOT = "(?:\\.|[ ]?(?:\\[dot\\]|\\(dot\\))[ ]?)";
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}(?:[ ]?@[ ]?|[ ]?(?:\\[at\\]|\\(at\\))[ ]?)"
              + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + DOT
              + "){1,8}[A-Za-z]{2,24}"
              + "(?![\\w-])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL_SPOKEN =
      Pattern.compile(
          "(?<![\\w.])[a-z0-9]{1,30}(?: (?:dot|underscore) [a-z0-9]{1,30}){0,3}"
              + " at [a-z0-9]{1,30}(?: dot [a-z0-9]{1,30}){0,3}"
              + " dot (?:com|net|org|uk|co dot uk|org dot uk|ac dot uk|gov dot uk|nhs dot uk|scot)"
              + "(?!\\w)",
          Pattern.CASE_INSENSITIVE);

  /** Words in the 60 characters before a spoken address that say an email address follows. */
  private static final Pattern EMAIL_CONTEXT =
      Pattern.compile("(?i:e-?mail|address|contact|write to|send it to|reach)");

  // ---- UK phone: a run of digits with single spaces, dots or hyphens (brackets around the area
  // code or around the trunk 0 after +44) that starts like a UK number; checked against the
  // numbering plan afterwards.
  private static final Pattern PHONE =
      Pattern.compile(
          "(?=[+0(])(?<![\\w+]|\\d[.,/-])(?:(?:\\+|00)44[ .-]?(?:\\(0\\)[ .-]?)?|\\(0\\d{1,4}\\)[ .-]?|0)"
              + "\\d(?:[ .-]?\\d){4,11}(?![\\w/]|[.,:]\\d)");

  // ---- Postcode: the real grammar, any case, with a space, a hyphen or nothing in the middle.
  private static final Pattern POSTCODE =
      Pattern.compile(
          "(?<![\\w-])(?:(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
              + "|[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
              + "[ -]?[0-9][ABD-HJLNP-UW-Z]{2}|GIR ?0AA)(?![\\w-])",
          Pattern.CASE_INSENSITIVE);

  // ---- Date of birth: an introducer, then a date in one of the usual written or spoken forms.
  private static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
          + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)";
  private static final String DAY =
      "(?:[0-3]?\\d(?:st|nd|rd|th)?|(?:(?:twenty|thirty)[ -])?(?:first|second|third|fourth"
          + "|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
          + "|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth))";
  private static final String SPOKEN_UNITS = "(?:one|two|three|four|five|six|seven|eight|nine)";
  private static final String SPOKEN_YEAR =
      "(?:(?:nineteen|twenty) (?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
          + "(?:[ -]"
          + SPOKEN_UNITS
          + ")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
          + "|seventeen|eighteen|nineteen|oh[ -]"
          + SPOKEN_UNITS
          + ")"
          + "|two thousand(?: and)?(?: (?:"
          + SPOKEN_UNITS
          + "|ten|eleven|twelve|thirteen"
          + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[ -]"
          + SPOKEN_UNITS
          + ")?))?)";
  private static final String YEAR = "(?:(?:19|20)\\d{2}|'?\\d{2}|" + SPOKEN_YEAR + ")";
  private static final String DATE =
      "(?:[0-3]?\\d(?<sep> ?[/.-] ?| )[01]?\\d\\k<sep>(?:\\d{4}|\\d{2})"
          + "|(?:19|20)\\d{2}-[01]\\d-[0-3]\\d"
          + "|[0-3]\\d[01]\\d(?:19|20)\\d{2}"
          + "|"
          + DAY
          + "(?:[ -]of)?[ -]"
          + MONTH
          + "(?:,?[ -]"
          + YEAR
          + ")?"
          + "|"
          + MONTH
          + "[ -](?:the )?"
          + DAY
          + "(?:,?[ -]"
          + YEAR
          + ")?)";
  private static final Pattern DATE_OF_BIRTH =
      Pattern.compile(
          "(?<![\\w.])(?:d\\.? ?o\\.? ?b\\.?|date(?: |-)?of(?: |-)?birth|birth ?-?date"
              + "|b\\.(?= ?\\d)|born(?: on)?|birthday)(?![a-z])"
              + FILLER
              + "("
              + DATE
              + ")(?![\\w/]|[.-]\\d)",
          Pattern.CASE_INSENSITIVE);

  // ---- Record number: an introducer, then a value of letters and digits with four digits or
  // more, in groups of up to three separated by a space, a dot, a slash or a hyphen.
  private static final Pattern RECORD_NUMBER =
      Pattern.compile(
          "(?<![\\w.])(?i:m\\.?r\\.?n\\.?|crn|(?:hospital|hosp\\.?|unit|(?:medical |patient |health )?"
              + "records?|case[ -]?notes?|patient|chi) ?(?:number|no\\.?|num\\.?|#|id))"
              + "(?![A-Za-z])"
              + FILLER
              + "((?:[A-Za-z]{1,4}[ -]?)?\\d[A-Za-z0-9]{0,15}(?:[ ./-]\\d{2,8}){0,3})(?!\\w)");

  // ---- Titled full name: a title, then given names or initials and a surname, checked word by
  // word (names are told from ordinary words by their case and a list of common words); or the
  // list form "Smith, Mrs Jane" at the start of a text or after a colon.
  private static final String TITLE =
      "(?:mrs|mr|ms|miss|mx|master|dr|doctor|prof|professor|sister|rev|revd|reverend|father|fr"
          + "|sir|dame|lady|lord|rabbi|imam|pastor|canon)";
  private static final Pattern NAME =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}'.])" + TITLE + "\\.?(?= \\p{L})", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME_LISTED =
      Pattern.compile(
          "(?:^|(?<=[:;(\\[] ?))(\\p{L}[\\p{L}'-]{1,30}), (" + TITLE + ")\\.?(?= \\p{L})",
          Pattern.CASE_INSENSITIVE);

  /** One word of a name after a space: a name, an initial with or without a dot, or "Smith's". */
  private static final Pattern NAME_WORD =
      Pattern.compile(" (\\p{L}(?:[\\p{L}'-]{0,40}\\p{L})?)(\\.?)");

  /** Lower-case words that start a surname ("van der Berg", "de la Cruz"). */
  private static final ImmutableSet<String> SURNAME_PARTICLES =
      ImmutableSet.of(
          "van", "von", "der", "den", "de", "la", "le", "da", "di", "du", "del", "ter", "bin");

  /** Titles that, written in lower case, are still titles rather than ordinary words. */
  private static final ImmutableSet<String> LOWER_CASE_TITLES =
      ImmutableSet.of("mr", "mrs", "mx", "dr");

  /** Words, in lower case, that are not part of a name even when written with a capital. */
  private static final ImmutableSet<String> NOT_NAMES =
      ImmutableSet.of(
          "i",
          "im",
          "a",
          "an",
          "the",
          "and",
          "but",
          "so",
          "or",
          "if",
          "on",
          "in",
          "at",
          "to",
          "of",
          "as",
          "by",
          "for",
          "from",
          "with",
          "about",
          "into",
          "up",
          "down",
          "out",
          "off",
          "over",
          "he",
          "she",
          "they",
          "we",
          "you",
          "it",
          "his",
          "her",
          "hers",
          "him",
          "them",
          "their",
          "our",
          "my",
          "your",
          "this",
          "that",
          "these",
          "those",
          "then",
          "there",
          "here",
          "when",
          "what",
          "why",
          "how",
          "who",
          "whom",
          "which",
          "where",
          "yes",
          "no",
          "not",
          "well",
          "okay",
          "ok",
          "oh",
          "hello",
          "hi",
          "thanks",
          "thank",
          "sorry",
          "please",
          "dear",
          "again",
          "also",
          "just",
          "still",
          "too",
          "very",
          "now",
          "later",
          "soon",
          "today",
          "yesterday",
          "tomorrow",
          "tonight",
          "afterwards",
          "anyway",
          "however",
          "meanwhile",
          "sadly",
          "thankfully",
          "apparently",
          "first",
          "last",
          "next",
          "once",
          "never",
          "always",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "being",
          "am",
          "has",
          "have",
          "had",
          "do",
          "does",
          "did",
          "will",
          "would",
          "can",
          "could",
          "shall",
          "should",
          "may",
          "might",
          "must",
          "said",
          "says",
          "say",
          "thinks",
          "thought",
          "asked",
          "asks",
          "told",
          "tells",
          "came",
          "comes",
          "come",
          "went",
          "goes",
          "go",
          "got",
          "get",
          "gets",
          "saw",
          "sees",
          "seen",
          "see",
          "rang",
          "rings",
          "phoned",
          "called",
          "wrote",
          "left",
          "arrived",
          "looked",
          "felt",
          "feels",
          "wants",
          "wanted",
          "needs",
          "needed",
          "knew",
          "knows",
          "seemed",
          "seems",
          "kept",
          "took",
          "takes",
          "gave",
          "gives",
          "made",
          "makes",
          "ate",
          "sat",
          "stood",
          "cried",
          "laughed",
          "smiled",
          "refused",
          "agreed",
          "explained",
          "mentioned",
          "reported",
          "noted",
          "reviewed",
          "discharged",
          "admitted",
          "referred",
          "prescribed",
          "advised",
          "visited",
          "waiting",
          "waited",
          "lives",
          "alone",
          "both",
          "all",
          "some",
          "any",
          "each",
          "every",
          "other",
          "another",
          "only",
          "even",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "christmas",
          "easter",
          "ward",
          "clinic",
          "surgery",
          "practice",
          "hospital",
          "team",
          "service",
          "centre",
          "department",
          "unit",
          "group",
          "street",
          "road",
          "lane",
          "avenue",
          "foster",
          "balint",
          "jekyll",
          "strangelove",
          "doolittle",
          "seuss",
          "google",
          "teams",
          "zoom",
          "specialist",
          "registrar",
          "consultant",
          "partner",
          "trainee",
          "nurse",
          "practitioner",
          "senior",
          "junior",
          "snr",
          "jnr",
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "dr",
          "doctor",
          "prof",
          "professor",
          "sister",
          "father",
          "sir",
          "dame",
          "lady",
          "lord",
          "men",
          "women",
          "man",
          "woman",
          "big",
          "little",
          "brother",
          "books",
          "book",
          "show",
          "patient",
          "patients",
          "pt",
          "gp",
          "on-call",
          "tablets",
          "tablet",
          "tabs",
          "capsules",
          "caps",
          "mg",
          "ml",
          "dose",
          "bd",
          "tds",
          "od",
          "prn",
          "mane",
          "nocte",
          "daily",
          "twice",
          "weekly",
          "madam");

  // ---- Street address: optional flat, a house number, one to three words, a street-type word.
  private static final String STREET_TYPE =
      "(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Terrace|Place"
          + "|Gardens|Gdns|Court|Ct|Grove|Hill|Row|Square|Sq|Walk|Mews|Park|Rise|Green|Parade|Vale"
          + "|View|Wharf|Yard|Boulevard|Circus|Embankment|Quay|Gate|Chase|Croft|Fields|Meadow"
          + "|Meadows|Heights|Villas|Cottages|Wynd|Brae|Loan|Esplanade|Promenade|Approach|End"
          + "|Side|Lea|Dene)";

  /** A house number, one to three words (the street's name, group 2) and a street-type word. */
  private static final String HOUSE =
      "\\d{1,4}[a-z]?(?:-\\d{1,4})?,? ((?:(?:\\p{L}[\\p{L}'-]*\\.?|\\d{1,2}(?:st|nd|rd|th)) ){1,3})"
          + STREET_TYPE
          + "(?![\\w'-])";

  private static final Pattern ADDRESS =
      Pattern.compile("(?=\\d)(?<![\\w.,/:-])(" + HOUSE + ")", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADDRESS_OF_FLAT =
      Pattern.compile(
          "(?<![\\w.,/:-])((?:flat|apartment|apt\\.?|unit|suite) \\d{1,4}[a-z]?,? " + HOUSE + ")",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern STREET_WORD = Pattern.compile("[^ ]+");

  /** Words, in lower case, that do not name a street: quantities and the words around them. */
  private static final ImmutableSet<String> NOT_STREET_WORDS =
      ImmutableSet.of(
          "miles", "mile", "minutes", "minute", "mins", "hours", "hour", "days", "day", "weeks",
          "week", "months", "month", "years", "year", "times", "more", "less", "doors", "houses",
          "streets", "roads", "steps", "yards", "metres", "blocks", "stops", "tablets", "mg",
          "down", "up", "along", "across", "on", "in", "at", "to", "the", "a", "and", "or", "of",
          "from", "by", "for", "with", "into", "past", "near", "round", "around", "towards", "off",
          "is", "was", "were", "are", "her", "his", "their", "my", "our", "your");

  /** Words before a number that make it a page, ward, bed or route rather than a house. */
  private static final Pattern NOT_A_HOUSE =
      Pattern.compile(
          "(?i:\\b(?:chapter|page|pages|p\\.|pp\\.|ward|room|bed|bay|level|floor|platform|gate|route"
              + "|bus|the|a|an|section|figure|table|step|item|line|verse|session|week|day"
              + "|year|years|aged|age|stage|grade|psalm|exit|junction|class|year group) ?)$");

  /** A number that reads as a year ("in 2024 Mill Road was flooded") rather than a house. */
  private static final Pattern YEAR_LIKE = Pattern.compile("(?:19|20)\\d{2} ");

  /** What every postcode holds: its inward code, or GIR 0AA's. */
  private static final Pattern INWARD_CODE =
      Pattern.compile("\\d[ -]?[ABD-HJLNP-UW-Z]{2}(?![A-Z])", Pattern.CASE_INSENSITIVE);

  /** What every address holds: a house number, then a word ("Acacia", "5th"). */
  private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d[A-Za-z]?,? [\\p{L}\\d]");

  /** What every listed name ("Smith, Mrs Jane") holds. */
  private static final Pattern COMMA_TITLE =
      Pattern.compile(", " + TITLE + "\\b", Pattern.CASE_INSENSITIVE);

  /** The titles a name can start with, for the names' finders to be run only when one occurs. */
  private static final ImmutableList<String> TITLES =
      ImmutableList.copyOf(TITLE.substring(3, TITLE.length() - 1).split("\\|"));

  /**
   * How each type is found, in the order of the types' specificity. A finder runs only over a view
   * with enough digits for its type and, where it lists any, one of the strings that every match
   * holds (in lower case), so that most texts meet few patterns.
   */
  private static final ImmutableList<Finder> FINDERS =
      ImmutableList.of(
          new Finder(
              IdentifierType.EMAIL,
              EMAIL,
              0,
              0,
              ImmutableList.of("@", "[at]", "(at)"),
              (view, m) -> m.end()),
          new Finder(
              IdentifierType.EMAIL,
              EMAIL_SPOKEN,
              0,
              0,
              ImmutableList.of(" dot "),
              UkIdentifierDetector::spokenEmailEnd),
          new Finder(
              IdentifierType.NHS_NUMBER,
              NHS_NUMBER,
              0,
              10,
              ImmutableList.of(),
              UkIdentifierDetector::nhsNumberEnd),
          new Finder(
              IdentifierType.NHS_NUMBER,
              NHS_NUMBER_INTRODUCED,
              1,
              10,
              ImmutableList.of("hs", "h.s"),
              UkIdentifierDetector::nhsNumberEnd),
          new Finder(
              IdentifierType.DATE_OF_BIRTH,
              DATE_OF_BIRTH,
              1,
              0,
              ImmutableList.of("birth", "born", "b.", "ob", "o.b", "o b", "o. b"),
              (view, m) -> m.end(1)),
          new Finder(
              IdentifierType.RECORD_NUMBER,
              RECORD_NUMBER,
              1,
              4,
              ImmutableList.of("rn", "r.n", "hosp", "unit", "record", "case", "patient", "chi"),
              UkIdentifierDetector::recordNumberEnd),
          new Finder(
              IdentifierType.PHONE,
              PHONE,
              0,
              10,
              ImmutableList.of(),
              (view, m) -> ukPhoneEnd(view, m.start(), m.end())),
          new Finder(
                  IdentifierType.POSTCODE,
                  POSTCODE,
                  0,
                  1,
                  ImmutableList.of(),
                  UkIdentifierDetector::postcodeEnd)
              .when(INWARD_CODE),
          new Finder(
                  IdentifierType.ADDRESS,
                  ADDRESS,
                  1,
                  1,
                  ImmutableList.of(),
                  UkIdentifierDetector::addressEnd)
              .when(HOUSE_NUMBER),
          new Finder(
              IdentifierType.ADDRESS,
              ADDRESS_OF_FLAT,
              1,
              2,
              ImmutableList.of("flat", "apartment", "apt", "unit", "suite"),
              UkIdentifierDetector::addressEnd),
          new Finder(
              IdentifierType.NAME,
              NAME,
              0,
              0,
              TITLES,
              (view, m) -> nameEnd(view, m.group(), m.end(), 2)),
          new Finder(
                  IdentifierType.NAME,
                  NAME_LISTED,
                  1,
                  0,
                  TITLES,
                  UkIdentifierDetector::listedNameEnd)
              .when(COMMA_TITLE));

  private UkIdentifierDetector() {}

  @Override
  public ImmutableList<Identifier> detect(String text) {
    checkNotNull(text, "text must not be null");
    return detect(text, true);
  }

  /**
   * Detects as {@link #detect(String)} does, but runs every finder over every text: the reference
   * that tests compare the shortcut (digits, strings and hints each finder needs) with.
   */
  ImmutableList<Identifier> detectRunningEveryFinder(String text) {
    return detect(text, false);
  }

  private static ImmutableList<Identifier> detect(String text, boolean shortcuts) {
    NormalisedText normalised = NormalisedText.of(text);
    String view = normalised.view();
    int digits = CharMatcher.inRange('0', '9').countIn(view);
    String lowerCase = Ascii.toLowerCase(view);
    List<Candidate> candidates = new ArrayList<>();
    for (Finder finder : FINDERS) {
      if (shortcuts && !finder.worthRunning(view, lowerCase, digits)) {
        continue;
      }
      Matcher m = finder.pattern.matcher(view);
      // Each match is checked, and the search goes on from the character after its start, so that
      // a match the check refuses cannot hide one that starts inside it.
      for (int from = 0; from < view.length() && m.find(from); from = m.start() + 1) {
        int end = finder.check.end(view, m);
        if (end > m.start(finder.group)) {
          candidates.add(new Candidate(finder.type, m.start(finder.group), end));
        }
      }
    }
    return resolve(normalised, candidates);
  }

  /** A spoken address counts when words such as "email" or "contact" come just before it. */
  private static int spokenEmailEnd(String view, MatchResult m) {
    boolean introduced =
        EMAIL_CONTEXT.matcher(view).region(Math.max(0, m.start() - 60), m.start()).find();
    return introduced ? m.end() : -1;
  }

  /** A valid NHS number, but not a repeated digit such as 1111111111, which is never issued. */
  private static int nhsNumberEnd(String view, MatchResult m) {
    String digits = digits(m.group());
    boolean repeated = digits.chars().allMatch(c -> c == digits.charAt(0));
    return NhsNumbers.isValid(digits) && !repeated ? m.end() : -1;
  }

  private static int recordNumberEnd(String view, MatchResult m) {
    return digits(m.group(1)).length() >= 4 ? m.end(1) : -1;
  }

  private static String digits(String text) {
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  /**
   * Checks a phone-like run against the UK numbering plan, trimming trailing digit groups that
   * belong to what follows ("07700 900123 2 times").
   *
   * @return the end of the longest valid prefix ending at a group boundary, or -1
   */
  private static int ukPhoneEnd(String view, int start, int end) {
    int stop = end;
    while (stop > start) {
      String run = view.substring(start, stop);
      if (isUkNumber(run)) {
        return stop;
      }
      int cut =
          Math.max(run.lastIndexOf(' '), Math.max(run.lastIndexOf('-'), run.lastIndexOf('.')));
      if (cut <= 0) {
        return -1;
      }
      stop = start + cut;
    }
    return -1;
  }

  private static boolean isUkNumber(String run) {
    String compact = run.replace(" ", "").replace("-", "").replace(".", "");
    String national;
    if (compact.startsWith("+44") || compact.startsWith("0044")) {
      national = compact.substring(compact.startsWith("+") ? 3 : 4);
      if (national.startsWith("(0)")) {
        national = national.substring(3);
      }
    } else if (compact.startsWith("(0")) {
      national = compact.substring(2).replace(")", "");
    } else if (compact.startsWith("0") && !compact.startsWith("00")) {
      national = compact.substring(1);
    } else {
      return false;
    }
    if (!digits(national).equals(national)) {
      return false;
    }
    if (national.length() == 10) {
      return "1235789".indexOf(national.charAt(0)) >= 0;
    }
    return national.length() == 9 && (national.startsWith("800") || national.startsWith("16977"));
  }

  /** A postcode, unless its inward part is a lower-case ordinal ("m1 1st"). */
  private static int postcodeEnd(String view, MatchResult m) {
    String inward = view.substring(m.end() - 3, m.end());
    boolean spokenOrdinal =
        inward.equals(inward.toLowerCase(Locale.ROOT))
            && (inward.endsWith("st")
                || inward.endsWith("nd")
                || inward.endsWith("rd")
                || inward.endsWith("th"));
    return spokenOrdinal ? -1 : m.end();
  }

  /**
   * An address, unless the number reads as a page, ward, bed, route or year, or the words before
   * the street type are ordinary words ("3 miles down the road") rather than a street's name: each
   * is capitalised or in capitals, or the whole address is in lower case.
   */
  private static int addressEnd(String view, MatchResult m) {
    boolean notAHouse =
        NOT_A_HOUSE
            .matcher(view)
            .region(Math.max(0, m.start() - 20), m.start())
            .useTransparentBounds(true)
            .find();
    boolean yearLike = YEAR_LIKE.matcher(view).region(m.start(), m.end()).lookingAt();
    if (notAHouse || yearLike) {
      return -1;
    }
    String street = view.substring(m.start(2), m.end(1));
    boolean lowerCase = street.equals(Ascii.toLowerCase(street));
    Matcher word = STREET_WORD.matcher(m.group(2));
    while (word.find()) {
      String w = word.group();
      if (word.start() == 0 && Ascii.toLowerCase(w).equals("the")) {
        continue; // "27 The Crescent"
      }
      if (NOT_STREET_WORDS.contains(Ascii.toLowerCase(w))
          || !(lowerCase || Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0)))) {
        return -1;
      }
    }
    return m.end(1);
  }

  /**
   * Reads the words after a title up to the first that cannot be part of a name, and asks for at
   * least {@code wanted} of them (a given name or initial and a surname), the last not an initial.
   * A name's words are capitalised or in capitals; after a lower-case "mr", "mrs", "mx" or "dr"
   * they may be in lower case too.
   *
   * @return the end of the name, or -1 if what follows is not enough of a name
   */
  private static int nameEnd(String view, String title, int from, int wanted) {
    String bareTitle = Ascii.toLowerCase(title.replace(".", ""));
    boolean lowerCase =
        title.equals(Ascii.toLowerCase(title)) && LOWER_CASE_TITLES.contains(bareTitle);
    if (title.equals(Ascii.toLowerCase(title)) && !lowerCase) {
      return -1;
    }
    Matcher word = NAME_WORD.matcher(view);
    int words = 0;
    int end = -1;
    boolean lastIsInitial = false;
    int at = from;
    while (words < 4 && word.region(at, view.length()).lookingAt()) {
      String w = word.group(1);
      boolean possessive = w.endsWith("'s") || w.endsWith("'S");
      String name = possessive ? w.substring(0, w.length() - 2) : w;
      if (!possessive && words > 0 && SURNAME_PARTICLES.contains(name)) {
        at = word.end(); // "van der Berg": counted with the surname that must follow
        continue;
      }
      if (name.isEmpty()
          || (NOT_NAMES.contains(Ascii.toLowerCase(name)) && name.length() > 1)
          || !looksLikeName(name, lowerCase)) {
        break;
      }
      words++;
      lastIsInitial = name.length() == 1;
      end = possessive ? word.start(1) + name.length() : word.end(lastIsInitial ? 2 : 1);
      at = word.end();
      if (possessive || (word.group(2).equals(".") && !lastIsInitial)) {
        break;
      }
    }
    return words >= wanted && !lastIsInitial ? end : -1;
  }

  private static boolean looksLikeName(String word, boolean lowerCaseAllowed) {
    char first = word.charAt(0);
    if (word.length() == 1) {
      return Character.isUpperCase(first) || (lowerCaseAllowed && first != 'a' && first != 'i');
    }
    return Character.isUpperCase(first)
        || (lowerCaseAllowed && word.equals(word.toLowerCase(Locale.ROOT)) && !looksLikeVerb(word));
  }

  /** A lower-case word that reads as a verb or adverb ("increased", "taking", "only"). */
  private static boolean looksLikeVerb(String word) {
    return word.length() > 4
        && (word.endsWith("ed") || word.endsWith("ing") || word.endsWith("ly"));
  }

  /**
   * "Smith, Mrs Jane": a surname that looks like a name, then a title with one given name (and no
   * surname after it, which would make it an ordinary titled name).
   */
  private static int listedNameEnd(String view, MatchResult m) {
    String surname = m.group(1);
    String title = m.group(2);
    boolean lowerCase = title.equals(Ascii.toLowerCase(title));
    if (NOT_NAMES.contains(Ascii.toLowerCase(surname)) || !looksLikeName(surname, lowerCase)) {
      return -1;
    }
    int oneName = nameEnd(view, title, m.end(), 1);
    int twoNames = nameEnd(view, title, m.end(), 2);
    return twoNames < 0 ? oneName : -1;
  }

  /**
   * Keeps one candidate per span (the longest, then the most specific), in the original's terms.
   */
  private static ImmutableList<Identifier> resolve(
      NormalisedText normalised, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return ImmutableList.of();
    }
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> c.start - c.end)
            .thenComparingInt(c -> c.type.ordinal())
            .thenComparingInt(c -> c.start));
    TreeMap<Integer, Candidate> chosen = new TreeMap<>();
    for (Candidate candidate : candidates) {
      Map.Entry<Integer, Candidate> before = chosen.floorEntry(candidate.end - 1);
      if (before == null || before.getValue().end <= candidate.start) {
        chosen.put(candidate.start, candidate);
      }
    }
    String original = normalised.original();
    ImmutableList.Builder<Identifier> identifiers = ImmutableList.builder();
    for (Candidate c : chosen.values()) {
      int start = normalised.originalStart(c.start);
      int end = normalised.originalEnd(c.end);
      identifiers.add(
          Identifier.builder()
              .type(c.type)
              .start(start)
              .end(end)
              .text(original.substring(start, end))
              .build());
    }
    return identifiers.build();
  }

  /**
   * How one type is found: a pattern, the group that is the identifier, when the pattern is worth
   * running (the digits every match holds, and strings of which every match holds one, in lower
   * case; none listed means no such string), and the type's own check.
   */
  private record Finder(
      IdentifierType type,
      Pattern pattern,
      int group,
      int minDigits,
      ImmutableList<String> triggers,
      Check check,
      @Nullable Pattern hint) {
    Finder(
        IdentifierType type,
        Pattern pattern,
        int group,
        int minDigits,
        ImmutableList<String> triggers,
        Check check) {
      this(type, pattern, group, minDigits, triggers, check, null);
    }

    /** The same finder, run only over views in which {@code hint} finds something. */
    Finder when(Pattern hint) {
      return new Finder(type, pattern, group, minDigits, triggers, check, hint);
    }

    boolean worthRunning(String view, String lowerCaseView, int digits) {
      return digits >= minDigits
          && (triggers.isEmpty() || triggers.stream().anyMatch(lowerCaseView::contains))
          && (hint == null || hint.matcher(view).find());
    }
  }

  /** A type's own check of a match in the view: the end of the identifier, or -1 to reject it. */
  @FunctionalInterface
  private interface Check {
    int end(String view, MatchResult match);
  }

  /** A span of the view that one type's pattern matched and checked. */
  private record Candidate(IdentifierType type, int start, int end) {}
}
