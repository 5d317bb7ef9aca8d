package org.balint.analysis;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.Member;
import org.jspecify.annotations.Nullable;

/**
 * Stable pseudonyms for the people on a group's roster, for sharing data beyond the group.
 *
 * <p>A leader is called {@code Leader N} and a member {@code Member N}, numbered from 1 in the
 * roster's order (leaders and members counted apart), so the same roster gives the same pseudonyms
 * in every table, project and run. Ids are not changed.
 *
 * <p>{@link #replaceIn(String)} replaces the roster's names inside free text: each person's full
 * name, the name without its title ({@code Dr}, {@code Nurse}, {@code Mrs}...), and each remaining
 * part of two letters or more, or of one ideograph ({@code "Priya"}, {@code "Nair"}, {@code "李"};
 * not an initial), matched case-sensitively as whole words, longest first. A part that two people
 * share is replaced by {@value #SHARED_NAME}, since it cannot say which of them is meant. Names not
 * on the roster (a patient's, a colleague's) are not found here; the privacy package's identifier
 * detection covers titled full names.
 */
public final class Pseudonyms {
  /** What replaces a part of a name that more than one person on the roster has. */
  public static final String SHARED_NAME = "[roster name]";

  private static final ImmutableSet<String> TITLES =
      ImmutableSet.of(
          "dr",
          "doctor",
          "prof",
          "professor",
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "nurse",
          "sister",
          "sr",
          "rev",
          "revd",
          "sir",
          "dame");

  private final ImmutableMap<String, String> byId;
  private final ImmutableMap<String, String> byName;
  private final @Nullable Pattern names;

  private Pseudonyms(ImmutableMap<String, String> byId, ImmutableMap<String, String> byName) {
    this.byId = byId;
    this.byName = byName;
    List<String> forms = new ArrayList<>(byName.keySet());
    forms.sort(
        Comparator.comparingInt(String::length)
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    StringBuilder alternation = new StringBuilder();
    for (String form : forms) {
      alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(form));
    }
    this.names =
        forms.isEmpty()
            ? null
            : Pattern.compile(
                "(?<![\\p{L}\\p{N}\\p{M}])(?:" + alternation + ")(?![\\p{L}\\p{N}\\p{M}])");
  }

  /**
   * The pseudonyms of a group's roster.
   *
   * @param group the group
   * @return the pseudonyms
   */
  public static Pseudonyms of(Group group) {
    checkNotNull(group, "group");
    Map<String, String> byId = new LinkedHashMap<>();
    Map<String, String> byName = new HashMap<>();
    Map<String, String> partOwner = new HashMap<>();
    int leaders = 0;
    for (Leader leader : group.leaders()) {
      String pseudonym = "Leader " + ++leaders;
      byId.put(leader.id(), pseudonym);
      addNames(leader.id(), leader.name(), pseudonym, byName, partOwner);
    }
    int members = 0;
    for (Member member : group.members()) {
      String pseudonym = "Member " + ++members;
      byId.put(member.id(), pseudonym);
      addNames(member.id(), member.name(), pseudonym, byName, partOwner);
    }
    return new Pseudonyms(ImmutableMap.copyOf(byId), ImmutableMap.copyOf(byName));
  }

  private static void addNames(
      String id,
      String name,
      String pseudonym,
      Map<String, String> byName,
      Map<String, String> owner) {
    List<String> words = new ArrayList<>(List.of(name.strip().split("\\s+")));
    words.removeIf(String::isEmpty);
    List<String> forms = new ArrayList<>();
    forms.add(String.join(" ", words));
    while (!words.isEmpty()
        && TITLES.contains(words.get(0).replace(".", "").toLowerCase(Locale.ROOT))) {
      words.remove(0);
    }
    forms.add(String.join(" ", words));
    for (String word : words) {
      String part = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}\\p{M}]+$", "");
      int length = part.codePointCount(0, part.length());
      if (length >= 2 || (length == 1 && Character.isIdeographic(part.codePointAt(0)))) {
        forms.add(part);
      }
    }
    for (String form : forms) {
      if (form.isEmpty()) {
        continue;
      }
      String previous = owner.putIfAbsent(form, id);
      if (previous == null) {
        byName.put(form, pseudonym);
      } else if (!previous.equals(id)) {
        byName.put(form, SHARED_NAME);
      }
    }
  }

  /**
   * The pseudonym of a person on the roster.
   *
   * @param personId the person's id
   * @return {@code Leader N} or {@code Member N}
   * @throws IllegalArgumentException if the id is not on the roster
   */
  public String of(String personId) {
    checkNotNull(personId, "personId");
    String pseudonym = byId.get(personId);
    checkArgument(pseudonym != null, "personId must be on the roster, but was %s", personId);
    return pseudonym;
  }

  /**
   * The pseudonym of a person, or the id itself for someone not on the roster.
   *
   * @param personId the person's id
   * @return the pseudonym, or {@code personId}
   */
  public String ofOrId(String personId) {
    return byId.getOrDefault(checkNotNull(personId, "personId"), personId);
  }

  /**
   * Replaces the roster's names in a text by their pseudonyms.
   *
   * @param text the text
   * @return the text with every roster name (full, untitled, or one part) replaced
   */
  public String replaceIn(String text) {
    checkNotNull(text, "text");
    Pattern pattern = names;
    if (pattern == null) {
      return text;
    }
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(byName.get(matcher.group())));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
