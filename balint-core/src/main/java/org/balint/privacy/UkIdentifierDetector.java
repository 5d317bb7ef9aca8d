package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

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
 * The built-in detector of UK patient identifiers, tuned for live transcripts of clinicians
 * speaking.
 *
 * <p>Each identifier type has one precompiled pattern whose quantifiers are all bounded, so a scan
 * is linear in the length of the text; candidates that pass a type's own check (the NHS modulus-11
 * digit, the numbering plan of UK phones, the postcode grammar, stop words for names) are then
 * resolved so that no two overlap: the longer candidate wins, and between equal spans the more
 * specific type (the order of {@link IdentifierType}).
 *
 * <p>What is detected and what is deliberately not is described in {@code docs/privacy.md}.
 */
final class UkIdentifierDetector implements IdentifierDetector {
  static final UkIdentifierDetector INSTANCE = new UkIdentifierDetector();

  /** Optional words between an introducer ("DOB", "MRN") and the value it introduces. */
  private static final String FILLER =
      "(?:\\s*[:#=\\-\u2013\u2014,]|\\s+(?i:is|was|of|on|reads|given\\s+as|recorded\\s+as|as|the"
          + "|number|no\\.?))"
          + "{0,4}\\s*";

  // ---- NHS number: 3-3-4, plain, spaced or hyphenated with one consistent separator.
  private static final Pattern NHS =
      Pattern.compile("(?=\\d)(?<![\\w+./\\-])(\\d{3})([ -]?)(\\d{3})\\2(\\d{4})(?![\\w/]|[.,:]\\d|-\\d)");

  // ---- Email, written or spoken ("jane dot smith at nhs dot net").
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.+%\\-])[A-Za-z0-9](?:[A-Za-z0-9._%+\\-]{0,63})@"
              + "(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}(?![\\w\\-])"
              + "|(?<![\\w.])(?i:[a-z0-9]{1,30}(?:\\s(?:dot|underscore)\\s[a-z0-9]{1,30}){0,3}"
              + "\\sat\\s[a-z0-9]{1,30}(?:\\sdot\\s[a-z0-9]{1,30}){0,3}"
              + "\\sdot\\s(?:com|net|org|uk|co\\sdot\\suk|org\\sdot\\suk|ac\\sdot\\suk|gov\\sdot\\suk|nhs\\sdot\\suk|scot))"
              + "(?![\\w])");

  /** Words in the 60 characters before a spoken address that say an email address follows. */
  private static final Pattern EMAIL_CONTEXT =
      Pattern.compile("(?i:e-?mail|address|contact|write\\s+to|send\\s+it\\s+to|reach)");

  // ---- UK phone: a run of digits (with single spaces or hyphens, brackets around the area code
  // or around the trunk 0 after +44) that starts like a UK number; checked against the
  // numbering plan afterwards.
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+.\\-/(])(?:(?:\\+|00)44[ -]?(?:\\(0\\)[ -]?)?|\\(0\\d{1,4}\\)[ -]?|0)"
              + "\\d(?:[ -]?\\d){4,11}(?![\\w/]|[.,:]\\d)");

  // ---- Postcode: the real grammar, any case, with or without the space.
  private static final Pattern POSTCODE =
      Pattern.compile(
          "(?=[A-Za-z]{1,2}[0-9]|GIR|gir)(?<![\\w-])(?i:(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
              + "|[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
              + " ?[0-9][ABD-HJLNP-UW-Z]{2}|GIR ?0AA)(?![\\w-])");

  // ---- Date of birth: an introducer, then a date in one of the usual written or spoken forms.
  private static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
          + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\\.(?=\\s+\\d))?)";
  private static final String DAY =
      "(?:[0-3]?\\d(?:st|nd|rd|th)?|(?i:(?:twenty|thirty)[\\s-])?(?i:first|second|third|fourth"
          + "|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
          + "|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth))";
  private static final String SPOKEN_UNITS = "(?:one|two|three|four|five|six|seven|eight|nine)";
  private static final String SPOKEN_YEAR =
      "(?i:(?:nineteen|twenty)\\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
          + "(?:[\\s-]" + SPOKEN_UNITS + ")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
          + "|seventeen|eighteen|nineteen|oh[\\s-]" + SPOKEN_UNITS + ")"
          + "|two\\s+thousand(?:\\s+and)?(?:\\s+(?:" + SPOKEN_UNITS + "|ten|eleven|twelve|thirteen"
          + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\\s-]"
          + SPOKEN_UNITS + ")?))?)";
  private static final String YEAR =
      "(?:(?:19|20)\\d{2}|['\u2019]\\d{2}|" + SPOKEN_YEAR + ")";
  private static final String DATE =
      "(?:[0-3]?\\d(?<sep>[/.\\- ])[01]?\\d\\k<sep>(?:\\d{4}|\\d{2})"
          + "|(?:19|20)\\d{2}-[01]\\d-[0-3]\\d"
          + "|[0-3]\\d[01]\\d(?:19|20)\\d{2}"
          + "|" + DAY + "(?:\\s+of)?\\s+(?i:" + MONTH + ")(?:,?\\s+" + YEAR + ")?"
          + "|(?i:" + MONTH + ")\\s+(?:the\\s+)?" + DAY + "(?:,?\\s+" + YEAR + ")?)";
  private static final Pattern DATE_OF_BIRTH =
      Pattern.compile(
          "(?<![\\w.])(?:(?i:d\\.\\s?o\\.\\s?b\\.?|dob|date[\\s\\-]+of[\\s\\-]+birth|birth[\\s\\-]?date|b\\.(?=\\s?\\d)"
              + "|born(?:\\s+on)?|birthday)"
              + ")(?![\\w])"
              + FILLER
              + "(" + DATE + ")(?![\\w/]|[.\\-]\\d)");

  // ---- Record number: an introducer, then an alphanumeric value with at least four digits.
  private static final Pattern RECORD_NUMBER =
      Pattern.compile(
          "(?=[MmHhUuRrCcPp])(?<![\\w.])(?i:m\\.?r\\.?n\\.?|(?:hospital|hosp\\.?|unit|(?:medical\\s+|patient\\s+|health\\s+)?"
              + "records?|case[\\s\\-]?notes?|patient|chi)\\s+(?:number|no\\.?|num\\.?|#|id))"
              + "(?![\\w])"
              + FILLER
              + "([A-Za-z]{0,4}\\d[A-Za-z0-9]{2,15}(?:[ \\-/]\\d{2,8}){0,3}"
              + "|[A-Za-z]{1,4}\\d{0,2}[ \\-]\\d{4,12})(?![\\w])");

  // ---- Titled full name: a title, then given names or initials, then a surname.
  private static final String TITLE =
      "(?:Mrs|Mr|Ms|Miss|Mx|Dr|Doctor|Prof|Professor|Sister|Rev|Revd|Reverend|Father|Fr|Sir|Dame"
          + "|Lady|Lord|Rabbi|Imam|Pastor|Canon|MRS|MR|MS|MISS|DR)";
  private static final String GIVEN =
      "(?:\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s+|\\p{Lu}\\.\\s?|\\p{Lu}{1,2}\\s+)";
  private static final String SURNAME =
      "(?:(?:van\\s+der|van\\s+den|van|von|de\\s+la|de|der|da|di|du|le|la|del)\\s+)?"
          + "(?:\\p{Lu}['\u2019]\\p{Lu}\\p{Ll}+|\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?)"
          + "(?:-\\p{Lu}\\p{Ll}+)?";
  private static final Pattern NAME =
      Pattern.compile(
          "(?=\\p{Lu})(?<![\\w])" + TITLE + "\\.?\\s+(" + GIVEN + "){1,3}" + SURNAME + "(?!\\w|-\\p{Lu})");
  private static final Pattern NAME_TOKEN = Pattern.compile("[^\\s.]+|\\.");
  private static final ImmutableSet<String> NOT_NAMES =
      ImmutableSet.of(
          "I", "Im", "The", "And", "But", "So", "Or", "If", "On", "In", "At", "To", "Of", "As",
          "He", "She", "They", "We", "You", "It", "His", "Her", "This", "That", "Then", "There",
          "When", "What", "Why", "How", "Yes", "No", "Well", "Okay", "OK", "Oh", "Said",
          "Says", "Thinks", "Asked", "Told", "Came", "Was", "Is", "Has", "Had", "Does", "Did",
          "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
          "January", "February", "March", "April", "June", "July", "August",
          "September", "October", "November", "December", "Christmas", "Easter",
          "Ward", "Clinic", "Surgery", "Practice", "Hospital", "Team", "Service", "Centre",
          "Department", "Unit", "Group", "Street", "Road", "Lane", "Avenue", "Who", "Foster",
          "Balint", "Jekyll", "Strangelove", "Doolittle", "Seuss", "Google", "Teams", "Zoom",
          "Specialist", "Registrar", "Consultant", "Partner", "Trainee", "Nurse", "Practitioner",
          "Senior", "Junior", "Snr", "Jnr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Doctor", "Prof",
          "Professor", "Sister", "Father", "Sir", "Dame", "Lady", "Lord");

  // ---- Street address: optional flat, house number, capitalised street name, street type word.
  private static final String STREET_TYPE =
      "(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Terrace|Place|Gardens|Court"
          + "|Grove|Hill|Row|Square|Walk|Mews|Park|Rise|Green|Parade|Vale|View|Wharf|Yard|Boulevard"
          + "|Circus|Embankment|Quay|Gate|Chase|Croft|Fields|Meadow|Meadows|Heights|Villas"
          + "|Cottages|Wynd|Brae|Loan|Gardens|Esplanade|Promenade|Approach|End|Side|Lea|Dene)";
  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?=[FASU0-9])(?<![\\w.,/:\\-])((?:(?:Flat|Apartment|Apt\\.?|Unit|Suite)\\s+\\d{1,4}[A-Za-z]?,?\\s+)?"
              + "\\d{1,4}[A-Za-z]?(?:-\\d{1,4})?,?\\s+"
              + "(?:(?:\\p{Lu}[\\p{Ll}'\u2019]+|St\\.?|The|[0-9]{1,2}(?:st|nd|rd|th))\\s+){1,3}"
              + STREET_TYPE + ")(?![\\w'\u2019-])");
  /** Words before a number that make it a page, ward, bed or route rather than a house. */
  private static final Pattern NOT_A_HOUSE =
      Pattern.compile(
          "(?i:\\b(?:chapter|page|pages|p\\.|pp\\.|ward|room|bed|bay|level|floor|platform|gate|route"
              + "|bus|the|a|an|section|figure|table|step|item|line|verse|session|week|day"
              + "|year|years|aged|age|stage|grade|psalm|exit|junction|class|year\\s+group)\\s*)$");

  /** A number that reads as a year ("in 2024 Mill Road was flooded") rather than a house. */
  private static final Pattern YEAR_LIKE = Pattern.compile("(?:19|20)\\d{2}\\s");

  /** The finder of each type; DATE_OF_BIRTH and NAME need no digit, EMAIL an "@" or " dot ". */
  private static final ImmutableList<Finder> FINDERS =
      ImmutableList.of(
          new Finder(IdentifierType.EMAIL, EMAIL, 0, Needs.EMAIL_SIGN,
              Starts.EMAIL,
              UkIdentifierDetector::emailEnd),
          new Finder(IdentifierType.NHS_NUMBER, NHS, 0, Needs.DIGIT,
              Starts.NHS_NUMBER,
              UkIdentifierDetector::nhsNumberEnd),
          new Finder(IdentifierType.DATE_OF_BIRTH, DATE_OF_BIRTH, 1, Needs.NOTHING,
              Starts.DATE_OF_BIRTH,
              (text, m) -> m.end(1)),
          new Finder(IdentifierType.RECORD_NUMBER, RECORD_NUMBER, 1, Needs.DIGIT,
              Starts.RECORD_NUMBER,
              UkIdentifierDetector::recordNumberEnd),
          new Finder(IdentifierType.PHONE, PHONE, 0, Needs.DIGIT,
              Starts.PHONE,
              (text, m) -> ukPhoneEnd(text, m.start(), m.end())),
          new Finder(IdentifierType.POSTCODE, POSTCODE, 0, Needs.DIGIT,
              Starts.POSTCODE,
              UkIdentifierDetector::postcodeEnd),
          new Finder(IdentifierType.ADDRESS, ADDRESS, 1, Needs.DIGIT,
              Starts.ADDRESS,
              UkIdentifierDetector::addressEnd),
          new Finder(IdentifierType.NAME, NAME, 0, Needs.NOTHING,
              Starts.NAME,
              (text, m) -> nameEnd(text, m.start(), m.end())));

  /**
   * Each thread's matchers, one per finder, reset for each text: building a matcher for a
   * pattern with many groups costs more than running it where it can start.
   */
  private static final ThreadLocal<Matcher[]> MATCHERS =
      ThreadLocal.withInitial(
          () -> {
            Matcher[] matchers = new Matcher[Integer.SIZE];
            for (Finder finder : FINDERS) {
              matchers[finder.index] =
                  finder.pattern.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
            }
            return matchers;
          });

  private UkIdentifierDetector() {}

  @Override
  public ImmutableList<Identifier> detect(String text) {
    checkNotNull(text, "text must not be null");
    return resolve(text, candidates(text, false));
  }

  /**
   * Detects as {@link #detect} does, but tries every pattern at every position: the reference
   * that tests compare the fast path with.
   */
  ImmutableList<Identifier> detectTryingEveryPosition(String text) {
    return resolve(text, candidates(text, true));
  }

  /**
   * Finds what each type's pattern matches and its check accepts. Each pattern is tried only at
   * the positions where it can start (its leading lookahead and lookbehind, tested on the
   * characters directly), which gives what {@link Matcher#find()} over the whole text gives at a
   * fraction of the cost; {@code everyPosition} tries every position, for tests to compare.
   */
  private List<Candidate> candidates(String text, boolean everyPosition) {
    List<Candidate> candidates = new ArrayList<>();
    int length = text.length();
    int @Nullable [] starts = everyPosition ? null : Starts.of(text);
    int possible = starts == null ? -1 : starts[length];
    boolean digit = hasDigit(text);
    boolean emailSign = text.indexOf('@') >= 0 || text.contains(" dot ");
    for (Finder finder : FINDERS) {
      boolean worthRunning =
          finder.needs == Needs.NOTHING
              || (finder.needs == Needs.DIGIT && digit)
              || (finder.needs == Needs.EMAIL_SIGN && emailSign);
      if ((possible & finder.start) == 0 || !worthRunning) {
        continue;
      }
      @Nullable Matcher m = null;
      for (int i = 0; i < length; i++) {
        if (starts != null && (starts[i] & finder.start) == 0) {
          continue;
        }
        if (m == null) {
          m = MATCHERS.get()[finder.index].reset(text);
        }
        m.region(i, length);
        if (!m.lookingAt()) {
          continue;
        }
        int end = finder.check.end(text, m);
        if (end > m.start(finder.group)) {
          candidates.add(new Candidate(finder.type, m.start(finder.group), end));
        }
        i = Math.max(i, m.end() - 1);
      }
    }
    return candidates;
  }

  private static int emailEnd(String text, MatchResult m) {
    int at = text.indexOf('@', m.start());
    if (at >= 0 && at < m.end()) {
      return m.end();
    }
    boolean introduced =
        EMAIL_CONTEXT.matcher(text).region(Math.max(0, m.start() - 60), m.start()).find();
    return introduced ? m.end() : -1;
  }

  /** A valid NHS number, but not a repeated digit such as 1111111111, which is never issued. */
  private static int nhsNumberEnd(String text, MatchResult m) {
    String digits = m.group(1) + m.group(3) + m.group(4);
    boolean repeated = digits.chars().allMatch(c -> c == digits.charAt(0));
    return NhsNumbers.isValid(digits) && !repeated ? m.end() : -1;
  }

  private static int recordNumberEnd(String text, MatchResult m) {
    int digits = 0;
    for (int i = m.start(1); i < m.end(1); i++) {
      digits += Character.isDigit(text.charAt(i)) ? 1 : 0;
    }
    return digits >= 4 ? m.end(1) : -1;
  }

  /**
   * Checks a phone-like run against the UK numbering plan, trimming trailing digit groups that
   * belong to what follows ("07700 900123 2 times").
   *
   * @return the end of the longest valid prefix ending at a group boundary, or -1
   */
  private static int ukPhoneEnd(String text, int start, int end) {
    int stop = end;
    while (stop > start) {
      String run = text.substring(start, stop);
      if (isUkNumber(run)) {
        return stop;
      }
      int cut = Math.max(run.lastIndexOf(' '), run.lastIndexOf('-'));
      if (cut <= 0) {
        return -1;
      }
      stop = start + cut;
    }
    return -1;
  }

  private static boolean isUkNumber(String run) {
    String compact = run.replace(" ", "").replace("-", "");
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
    for (int i = 0; i < national.length(); i++) {
      if (!Character.isDigit(national.charAt(i))) {
        return false;
      }
    }
    if (national.length() == 10) {
      char first = national.charAt(0);
      return first == '1' || first == '2' || first == '3' || first == '5' || first == '7'
          || first == '8' || first == '9';
    }
    return national.length() == 9 && (national.startsWith("800") || national.startsWith("16977"));
  }

  private static int postcodeEnd(String text, MatchResult m) {
    String inward = text.substring(m.end() - 3, m.end());
    boolean spokenOrdinal =
        inward.equals(inward.toLowerCase(Locale.ROOT))
            && (inward.endsWith("st") || inward.endsWith("nd") || inward.endsWith("rd")
                || inward.endsWith("th"));
    return spokenOrdinal ? -1 : m.end();
  }

  private static int addressEnd(String text, MatchResult m) {
    Matcher notAHouse =
        NOT_A_HOUSE.matcher(text).region(Math.max(0, m.start() - 20), m.start())
            .useTransparentBounds(true);
    boolean yearLike = YEAR_LIKE.matcher(text).region(m.start(), m.end()).lookingAt();
    return notAHouse.find() || yearLike ? -1 : m.end(1);
  }

  /**
   * Keeps the words after the title up to the first that cannot be part of a name, and asks for
   * at least a given name or initial and a surname of two letters or more.
   *
   * @return the end of the name, or -1 if what is left is not a full name
   */
  private static int nameEnd(String text, int start, int end) {
    Matcher token = NAME_TOKEN.matcher(text).region(start, end);
    boolean title = true;
    int words = 0;
    int lastEnd = -1;
    boolean lastIsInitial = true;
    while (token.find()) {
      String word = token.group();
      if (word.equals(".")) {
        continue;
      }
      if (title) {
        title = false;
        continue;
      }
      String bare = word.replace("'", "").replace("\u2019", "");
      if (NOT_NAMES.contains(bare)) {
        break;
      }
      words++;
      lastEnd = token.end();
      lastIsInitial = word.length() == 1;
    }
    return words >= 2 && !lastIsInitial ? lastEnd : -1;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static ImmutableList<Identifier> resolve(String text, List<Candidate> candidates) {
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
    ImmutableList.Builder<Identifier> identifiers = ImmutableList.builder();
    for (Candidate c : chosen.values()) {
      identifiers.add(
          Identifier.builder()
              .type(c.type)
              .start(c.start)
              .end(c.end)
              .text(text.substring(c.start, c.end))
              .build());
    }
    return identifiers.build();
  }

  /** What a text must hold anywhere for a pattern to be worth running over it. */
  private enum Needs {
    /** Nothing: the pattern may match any text. */
    NOTHING,
    /** A digit. */
    DIGIT,
    /** An "@", or " dot " for an address spelled out. */
    EMAIL_SIGN
  }

  /** How one type is found: a pattern, where its span is, when to run it, and its own check. */
  private static final class Finder {
    final IdentifierType type;
    final Pattern pattern;
    final int group;
    final Needs needs;
    final int start;
    final Check check;
    final int index;

    Finder(
        IdentifierType type,
        Pattern pattern,
        int group,
        Needs needs,
        int start,
        Check check) {
      this.type = type;
      this.pattern = pattern;
      this.group = group;
      this.needs = needs;
      this.start = start;
      this.check = check;
      this.index = Integer.numberOfTrailingZeros(start); // one start bit per finder
    }
  }

  /**
   * Where each type's pattern can start: its leading lookahead and lookbehind, tested on the
   * characters directly in one pass over the text. A bit must be set wherever its pattern can
   * match; a set bit only means the pattern is tried there.
   */
  private static final class Starts {
    static final int EMAIL = 1;
    static final int NHS_NUMBER = 1 << 1;
    static final int DATE_OF_BIRTH = 1 << 2;
    static final int RECORD_NUMBER = 1 << 3;
    static final int PHONE = 1 << 4;
    static final int POSTCODE = 1 << 5;
    static final int ADDRESS = 1 << 6;
    static final int NAME = 1 << 7;

    /** How every introducer of a date of birth begins, in any case. */
    private static final String[] DATE_OF_BIRTH_WORDS = {"d.", "dob", "date", "birth", "b.", "born"};

    /** How every introducer of a record number begins, in any case. */
    private static final String[] RECORD_NUMBER_WORDS = {
      "m.", "mr", "hosp", "unit", "medical", "patient", "health", "record", "case", "chi"
    };

    private Starts() {}

    private static boolean startsWithAny(String text, int i, String[] words) {
      for (String word : words) {
        if (text.regionMatches(true, i, word, 0, word.length())) {
          return true;
        }
      }
      return false;
    }

    /** What each ASCII character can be: the first character of which patterns, and its class. */
    private static final int[] ASCII = new int[128];

    private static final int WORD = 1 << 8;
    private static final int LETTER = 1 << 9;
    private static final int DIGIT = 1 << 10;
    /** Characters after which a phone number, an address or a record number does not start. */
    private static final int NOT_BEFORE_PHONE = 1 << 11;
    private static final int NOT_BEFORE_ADDRESS = 1 << 12;
    private static final int DOT = 1 << 13;
    private static final int HYPHEN = 1 << 14;

    static {
      for (char c = 0; c < 128; c++) {
        int bits = 0;
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        boolean digit = c >= '0' && c <= '9';
        bits |= letter ? LETTER | WORD | EMAIL : 0;
        bits |= digit ? DIGIT | WORD | EMAIL | NHS_NUMBER : 0;
        bits |= c == '_' ? WORD : 0;
        bits |= "dDbB".indexOf(c) >= 0 ? DATE_OF_BIRTH : 0;
        bits |= "MmHhUuRrCcPp".indexOf(c) >= 0 ? RECORD_NUMBER : 0;
        bits |= "+0(".indexOf(c) >= 0 ? PHONE : 0;
        bits |= "FASU0123456789".indexOf(c) >= 0 ? ADDRESS : 0;
        bits |= c >= 'A' && c <= 'Z' ? NAME : 0;
        bits |= "+.-/(".indexOf(c) >= 0 ? NOT_BEFORE_PHONE : 0;
        bits |= ".,/:-".indexOf(c) >= 0 ? NOT_BEFORE_ADDRESS : 0;
        bits |= c == '.' ? DOT : 0;
        bits |= c == '-' ? HYPHEN : 0;
        ASCII[c] = bits;
      }
    }

    /** The start bits of every position of a text, then (at index {@code length}) their union. */
    static int[] of(String text) {
      int length = text.length();
      int[] starts = new int[length + 1];
      int union = 0;
      int previous = 0;
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        int kind;
        if (c < 128) {
          kind = ASCII[c];
        } else {
          kind = Character.getType(text.codePointAt(i)) == Character.UPPERCASE_LETTER ? NAME : 0;
        }
        int bits = 0;
        // After a word character ([A-Za-z0-9_], a pattern's \w) only an NHS number's digits are
        // tried (its own lookbehind decides); the other lookbehinds add a few punctuation marks.
        if ((previous & WORD) != 0) {
          bits = kind & NHS_NUMBER;
        } else {
          bits = kind & (NHS_NUMBER | EMAIL | NAME);
          if ((previous & DOT) == 0) {
            if ((kind & DATE_OF_BIRTH) != 0 && startsWithAny(text, i, DATE_OF_BIRTH_WORDS)) {
              bits |= DATE_OF_BIRTH;
            }
            if ((kind & RECORD_NUMBER) != 0 && startsWithAny(text, i, RECORD_NUMBER_WORDS)) {
              bits |= RECORD_NUMBER;
            }
          }
          if ((previous & NOT_BEFORE_PHONE) == 0) {
            bits |= kind & PHONE;
          }
          if ((previous & NOT_BEFORE_ADDRESS) == 0) {
            bits |= kind & ADDRESS;
          }
          if ((kind & LETTER) != 0 && (previous & HYPHEN) == 0 && mayStartPostcode(text, i)) {
            bits |= POSTCODE;
          }
        }
        starts[i] = bits;
        union |= bits;
        previous = kind;
      }
      starts[length] = union;
      return starts;
    }

    /** The postcode pattern's lead: one or two letters then a digit, or GIR. */
    private static boolean mayStartPostcode(String text, int i) {
      if (text.startsWith("GIR", i) || text.startsWith("gir", i)) {
        return true;
      }
      int n = text.length();
      if (i + 1 < n && isDigit(text.charAt(i + 1))) {
        return true;
      }
      return i + 2 < n && isAsciiLetter(text.charAt(i + 1)) && isDigit(text.charAt(i + 2));
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
  }

  /** A type's own check of a match: the end of the identifier, or -1 to reject it. */
  @FunctionalInterface
  private interface Check {
    int end(String text, MatchResult match);
  }

  /** A span that one type's pattern matched and checked, before overlaps are resolved. */
  private static final class Candidate {
    final IdentifierType type;
    final int start;
    final int end;

    Candidate(IdentifierType type, int start, int end) {
      this.type = type;
      this.start = start;
      this.end = end;
    }
  }
}
