package org.balint.testing;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SessionMode;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of realistic, valid Balint values, shared by the tests of every module.
 *
 * <p>Everything generated passes core's invariants: roster ids are unique, sessions have unique
 * ids, contributions name existing cases and their times never go back. Within those bounds the
 * generators range widely: optional fields present and absent, {@code "extensions"} objects at
 * every level (in the compact JSON form the JSON module writes), Unicode text with characters
 * outside the Basic Multilingual Plane, quotes, backslashes and control characters, ids of every
 * allowed character, several sessions and cases, and instants with sub-second precision. Method
 * rules are not respected on purpose (groups of any size, speakers who are not present, phases in
 * any order), because a reader or a store must keep such records as they are.
 *
 * <p>Use them with {@code qt().forAll(RecordGenerators.groupRecords()).checkAssert(...)}.
 */
public final class RecordGenerators {
  private static final String ID_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
  private static final int[] SAMPLE_CODE_POINTS = {
    'a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\r', 0x01, 0x7f, 'é', 'ß', 'ø', 'Ł', 'Ж', 'λ', 'ש',
    'ع', 'ह', '中', '文', 'ー', '€', '\u00a0', '\u2028', '\ufeff', 0x1F600, 0x1F9E0, 0x10348
  };

  private RecordGenerators() {}

  /**
   * Generates well-formed ids: 1–64 characters of {@code [A-Za-z0-9._-]}, mostly short.
   *
   * @return a generator of ids
   */
  public static Gen<String> ids() {
    Gen<Integer> lengths =
        Generate.frequency(
            List.of(Pair.of(8, Generate.range(1, 8)), Pair.of(1, Generate.range(9, 64))));
    return random -> {
      int length = lengths.generate(random);
      StringBuilder id = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        id.append(
            ID_CHARACTERS.charAt(Generate.range(0, ID_CHARACTERS.length() - 1).generate(random)));
      }
      return id.toString();
    };
  }

  /**
   * Generates texts of 1–{@code maxCodePoints} Unicode code points: plain Latin letters mixed with
   * accented and non-Latin letters, emoji, quotes, backslashes and control characters. No unpaired
   * surrogates.
   *
   * @param maxCodePoints the most code points in a text, at least 1
   * @return a generator of texts
   */
  public static Gen<String> texts(int maxCodePoints) {
    Gen<Integer> lengths = Generate.range(1, maxCodePoints);
    Gen<Integer> letters = Generate.range('a', 'z');
    Gen<Integer> samples = Generate.range(0, SAMPLE_CODE_POINTS.length - 1);
    Gen<Integer> choice = Generate.range(0, 9);
    return random -> {
      int length = lengths.generate(random);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length; i++) {
        int codePoint =
            choice.generate(random) < 7
                ? letters.generate(random)
                : SAMPLE_CODE_POINTS[samples.generate(random)];
        text.appendCodePoint(codePoint);
      }
      return text.toString();
    };
  }

  /**
   * Generates names of people and groups (1–40 code points of varied Unicode).
   *
   * @return a generator of names
   */
  public static Gen<String> names() {
    return texts(40);
  }

  /**
   * Generates instants between 2000 and 2100 at whole seconds, milliseconds or nanoseconds.
   *
   * @return a generator of instants
   */
  public static Gen<Instant> instants() {
    Gen<Long> seconds = Generate.longRange(EARLIEST.getEpochSecond(), LATEST.getEpochSecond());
    Gen<Integer> precision = Generate.range(0, 2);
    Gen<Integer> nanos = Generate.range(0, 999_999_999);
    return random -> {
      long second = seconds.generate(random);
      int nano = nanos.generate(random);
      switch (precision.generate(random)) {
        case 0:
          return Instant.ofEpochSecond(second);
        case 1:
          return Instant.ofEpochSecond(second, nano / 1_000_000 * 1_000_000L);
        default:
          return Instant.ofEpochSecond(second, nano);
      }
    };
  }

  /**
   * Generates optional {@code "extensions"} objects: absent about half the time, otherwise a JSON
   * object of up to three levels of objects, arrays, strings, numbers, booleans and nulls, in the
   * compact form the JSON module writes (no whitespace, minimal escapes).
   *
   * @return a generator of optional extensions
   */
  public static Gen<Optional<Extensions>> extensions() {
    Gen<Boolean> present = Generate.booleans();
    return random ->
        present.generate(random)
            ? Optional.of(Extensions.ofJson(jsonObject(3).generate(random)))
            : Optional.empty();
  }

  /**
   * Generates leaders with the given id.
   *
   * @param id the leader's id
   * @return a generator of leaders
   */
  public static Gen<Leader> leaders(String id) {
    Gen<Profession> professions = Generate.enumValues(Profession.class);
    Gen<LeaderTraining> trainings = Generate.enumValues(LeaderTraining.class);
    Gen<String> names = names();
    Gen<Optional<Extensions>> extensions = extensions();
    return random ->
        Leader.builder()
            .id(id)
            .name(names.generate(random))
            .profession(professions.generate(random))
            .training(trainings.generate(random))
            .extensions(extensions.generate(random))
            .build();
  }

  /**
   * Generates members with the given id.
   *
   * @param id the member's id
   * @return a generator of members
   */
  public static Gen<Member> members(String id) {
    Gen<Profession> professions = Generate.enumValues(Profession.class);
    Gen<String> names = names();
    Gen<Optional<Extensions>> extensions = extensions();
    return random ->
        Member.builder()
            .id(id)
            .name(names.generate(random))
            .profession(professions.generate(random))
            .extensions(extensions.generate(random))
            .build();
  }

  /**
   * Generates groups of 0–3 leaders and 0–12 members with unique roster ids (sizes that break the
   * method included).
   *
   * @return a generator of groups
   */
  public static Gen<Group> groups() {
    Gen<String> ids = ids();
    Gen<String> names = names();
    Gen<Integer> leaderCounts =
        Generate.frequency(
            List.of(Pair.of(6, Generate.range(1, 2)), Pair.of(1, Generate.range(0, 3))));
    Gen<Integer> memberCounts = Generate.range(0, 12);
    Gen<Optional<Extensions>> extensions = extensions();
    return random -> {
      int leaderCount = leaderCounts.generate(random);
      List<String> roster = uniqueIds(ids, leaderCount + memberCounts.generate(random), random);
      Group.Builder group =
          Group.builder()
              .id(ids.generate(random))
              .name(names.generate(random))
              .extensions(extensions.generate(random));
      for (int i = 0; i < roster.size(); i++) {
        if (i < leaderCount) {
          group.addLeader(leaders(roster.get(i)).generate(random));
        } else {
          group.addMember(members(roster.get(i)).generate(random));
        }
      }
      return group.build();
    };
  }

  /**
   * Generates sessions of a group: present ids mostly from its roster (now and then an id that is
   * not on it), an optional end, mode and recording, 0–2 cases and, when there is a case, 0–15
   * contributions in time order with optional times, kinds and extensions.
   *
   * @param group the group that meets
   * @return a generator of sessions
   */
  public static Gen<Session> sessions(Group group) {
    Gen<String> ids = ids();
    Gen<Instant> starts = instants();
    Gen<Boolean> coin = Generate.booleans();
    Gen<Long> nanosAfter = Generate.longRange(0, Duration.ofHours(3).toNanos());
    Gen<SessionMode> modes = Generate.enumValues(SessionMode.class);
    Gen<RecordingPurpose> purposes = Generate.enumValues(RecordingPurpose.class);
    Gen<Integer> caseCounts =
        Generate.frequency(
            List.of(Pair.of(6, Generate.constant(1)), Pair.of(1, Generate.range(0, 2))));
    Gen<String> titles = texts(80);
    Gen<Optional<Extensions>> extensions = extensions();
    List<String> roster = new ArrayList<>(group.rosterIds());
    return random -> {
      Instant start = starts.generate(random);
      Session.Builder session =
          Session.builder()
              .id(ids.generate(random))
              .start(start)
              .extensions(extensions.generate(random));
      if (coin.generate(random)) {
        session.end(start.plusNanos(nanosAfter.generate(random)));
      }
      if (coin.generate(random)) {
        session.mode(modes.generate(random));
      }
      List<String> present = subset(roster, random);
      boolean firstFlip = coin.generate(random);
      if (firstFlip && coin.generate(random)) { // two flips: a visitor in a quarter of sessions
        String visitor = ids.generate(random);
        if (!present.contains(visitor)) {
          present.add(visitor);
        }
      }
      session.addAllPresent(present);
      if (coin.generate(random)) {
        session.recording(
            Recording.builder()
                .purpose(purposes.generate(random))
                .consent(subset(present, random))
                .extensions(extensions.generate(random))
                .build());
      }
      List<String> speakers = present.isEmpty() ? List.of("absent-speaker") : present;
      int caseCount = caseCounts.generate(random);
      for (int i = 0; i < caseCount; i++) {
        session.addCase(
            Case.builder()
                .presenter(pick(speakers, random))
                .title(titles.generate(random))
                .extensions(extensions.generate(random))
                .build());
      }
      if (caseCount > 0) {
        session.addAllContributions(contributions(speakers, caseCount, start).generate(random));
      }
      return session.build();
    };
  }

  /**
   * Generates complete records: a group and 0–4 of its sessions with unique ids, with optional
   * document-level extensions.
   *
   * @return a generator of group records
   */
  public static Gen<GroupRecord> groupRecords() {
    Gen<Group> groups = groups();
    Gen<Integer> sessionCounts = Generate.range(0, 4);
    Gen<Optional<Extensions>> extensions = extensions();
    Gen<String> ids = ids();
    return random -> {
      Group group = groups.generate(random);
      int count = sessionCounts.generate(random);
      List<String> sessionIds = uniqueIds(ids, count, random);
      GroupRecord.Builder record =
          GroupRecord.builder().group(group).extensions(extensions.generate(random));
      Gen<Session> sessions = sessions(group);
      for (String id : sessionIds) {
        record.addSession(sessions.generate(random).withId(id));
      }
      return record.build();
    };
  }

  private static Gen<List<Contribution>> contributions(
      List<String> speakers, int caseCount, Instant start) {
    Gen<Integer> counts = Generate.range(0, 15);
    Gen<Boolean> coin = Generate.booleans();
    Gen<Phase> phases = Generate.enumValues(Phase.class);
    Gen<ContributionKind> kinds = Generate.enumValues(ContributionKind.class);
    Gen<Integer> cases = Generate.range(0, caseCount - 1);
    Gen<Long> steps = Generate.longRange(0, Duration.ofMinutes(10).toNanos());
    Gen<String> texts =
        Generate.frequency(
            List.of(Pair.of(20, texts(120)), Pair.of(1, texts(Contribution.MAX_TEXT_LENGTH))));
    Gen<Optional<Extensions>> extensions = extensions();
    return random -> {
      int count = counts.generate(random);
      List<Contribution> contributions = new ArrayList<>(count);
      Instant at = start;
      for (int i = 0; i < count; i++) {
        at = at.plusNanos(steps.generate(random));
        Contribution.Builder contribution =
            Contribution.builder()
                .speaker(pick(speakers, random))
                .phase(phases.generate(random))
                .text(texts.generate(random))
                .extensions(extensions.generate(random));
        if (coin.generate(random)) {
          contribution.at(at);
        }
        if (coin.generate(random)) {
          contribution.kind(kinds.generate(random));
        }
        if (coin.generate(random)) {
          contribution.caseIndex(cases.generate(random));
        }
        contributions.add(contribution.build());
      }
      return contributions;
    };
  }

  private static List<String> uniqueIds(Gen<String> ids, int count, RandomnessSource random) {
    Set<String> unique = new LinkedHashSet<>();
    while (unique.size() < count) {
      String id = ids.generate(random);
      unique.add(unique.contains(id) ? truncate(id, 50) + "-" + unique.size() : id);
    }
    return ImmutableList.copyOf(unique);
  }

  private static String truncate(String id, int length) {
    return id.length() <= length ? id : id.substring(0, length);
  }

  private static List<String> subset(List<String> ids, RandomnessSource random) {
    Gen<Integer> choice = Generate.range(0, 4);
    List<String> chosen = new ArrayList<>();
    for (String id : ids) {
      if (choice.generate(random) > 0) {
        chosen.add(id);
      }
    }
    return chosen;
  }

  private static String pick(List<String> ids, RandomnessSource random) {
    return ids.get(Generate.range(0, ids.size() - 1).generate(random));
  }

  private static Gen<String> jsonObject(int depth) {
    Gen<Integer> sizes = Generate.range(0, 3);
    Gen<String> keys = texts(8);
    return random -> {
      int size = sizes.generate(random);
      Set<String> names = new LinkedHashSet<>();
      for (int i = 0; i < size; i++) {
        names.add(keys.generate(random));
      }
      StringBuilder json = new StringBuilder("{");
      for (String name : names) {
        if (json.length() > 1) {
          json.append(',');
        }
        json.append(jsonString(name)).append(':').append(jsonValue(depth - 1).generate(random));
      }
      return json.append('}').toString();
    };
  }

  private static Gen<String> jsonValue(int depth) {
    Gen<Integer> kinds = Generate.range(0, depth > 0 ? 7 : 5);
    Gen<String> strings = texts(20);
    Gen<Long> integers = Generate.longRange(-1_000_000L, 1_000_000L);
    Gen<String> decimals =
        Generate.pick(List.of("0.5", "-12.25", "3.0", "1e5", "6.02E23", "-0", "1.5e-3"));
    Gen<Integer> sizes = Generate.range(0, 3);
    return random -> {
      switch (kinds.generate(random)) {
        case 0:
          return jsonString(strings.generate(random));
        case 1:
          return Long.toString(integers.generate(random));
        case 2:
          return decimals.generate(random);
        case 3:
          return Generate.booleans().generate(random) ? "true" : "false";
        case 4:
          return "null";
        case 5:
          return jsonString(strings.generate(random));
        case 6:
          {
            int size = sizes.generate(random);
            StringBuilder array = new StringBuilder("[");
            for (int i = 0; i < size; i++) {
              array.append(i > 0 ? "," : "").append(jsonValue(depth - 1).generate(random));
            }
            return array.append(']').toString();
          }
        default:
          return jsonObject(depth).generate(random);
      }
    };
  }

  /**
   * Writes a string as a JSON string literal in the minimal form: quotes and backslashes escaped,
   * control characters below U+0020 escaped ({@code \b \t \n \f \r} in short form, the others as a
   * {@code \\}{@code u} escape with four hex digits), everything else as is.
   *
   * @param value the string
   * @return the JSON string literal, quotes included
   */
  public static String jsonString(String value) {
    StringBuilder json = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          json.append("\\\"");
          break;
        case '\\':
          json.append("\\\\");
          break;
        case '\b':
          json.append("\\b");
          break;
        case '\t':
          json.append("\\t");
          break;
        case '\n':
          json.append("\\n");
          break;
        case '\f':
          json.append("\\f");
          break;
        case '\r':
          json.append("\\r");
          break;
        default:
          if (c < 0x20) {
            json.append(String.format("\\u%04X", (int) c));
          } else {
            json.append(c);
          }
      }
    }
    return json.append('"').toString();
  }
}
