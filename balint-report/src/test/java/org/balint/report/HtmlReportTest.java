package org.balint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.balint.group.Group;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.json.BalintJson;
import org.balint.method.Protocols;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static final String THREE_SESSIONS = "three-sessions.json";

  static GroupRecord read(String name) {
    try (InputStream in = HtmlReportTest.class.getResourceAsStream(name)) {
      return BalintJson.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String HTML =
      HtmlReport.builder().build().render(List.of(read(THREE_SESSIONS)));

  private static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  private static String section(String html, String anchor) {
    int start = html.indexOf("id=\"" + anchor + "\"");
    int end = html.indexOf("</article>", start);
    assertTrue(start >= 0 && end > start, "no section " + anchor);
    return html.substring(start, end);
  }

  @Test
  void render_drawsThreeChartsASessionAndATrend() {
    assertEquals(10, count(HTML, "<svg "));
    assertEquals(10, count(HTML, "role=\"img\""));
  }

  @Test
  void render_showsMarkupInAContributionAsText() {
    String lower = HTML.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), "a script element in the page");
    assertFalse(lower.contains("<img"), "an img element in the page");
    assertTrue(
        HTML.contains(
                "She wrote &lt;script&gt;document.title&#61;&#39;broken&#39;&lt;/script&gt; in the online form")
            || HTML.contains(
                "She wrote &lt;script&gt;document.title=&#39;broken&#39;&lt;/script&gt; in the online form"),
        "the contribution's words are not shown escaped");
    assertTrue(
        HTML.contains("&lt;img src&#61;x onerror&#61;") || HTML.contains("&lt;img src=x onerror="));
  }

  @Test
  void render_fetchesNothing() {
    Matcher references =
        Pattern.compile("(?:src|href|url)\\s*[=(]\\s*[\"']?([^\"' )>]*)").matcher(HTML);
    while (references.find()) {
      String target = references.group(1);
      assertTrue(
          target.startsWith("#") || target.startsWith("data:"),
          "a reference out of the page: " + target);
    }
    assertTrue(HTML.contains("default-src 'none'"), "no content security policy");
  }

  @Test
  void render_marksTheOverrunTheSilentAndTheDrift() {
    String second = section(HTML, "g1-s2");
    assertTrue(second.contains("Presentation ran 32 min, 17 over its plan."), second);
    assertTrue(second.contains("Silent:</b> Dr Felix Brandt, Dr Petra Lind"), second);
    String third = section(HTML, "g1-s3");
    assertTrue(third.contains("drifted most"));
    assertFalse(section(HTML, "g1-s1").contains("drifted most"));
    assertTrue(third.contains("The method asks:"));
  }

  @Test
  void render_listsASessionsBreachesInTimeOrder() {
    Matcher times =
        Pattern.compile("<span class=\"time\">([^<]*)</span>").matcher(section(HTML, "g1-s3"));
    List<String> seen = new ArrayList<>();
    while (times.find()) {
      seen.add(times.group(1));
    }
    assertEquals("session", seen.get(0), seen::toString);
    List<String> clock = seen.subList(1, seen.size());
    assertEquals(clock.stream().sorted().toList(), clock);
    int breaches =
        Protocols.standard().validate(read(THREE_SESSIONS)).violationsOf("2026-10-29").size();
    assertEquals(breaches, seen.size(), seen::toString);
  }

  @Test
  void render_escapesDocumentTextInsideCharts() {
    GroupRecord record = read(THREE_SESSIONS);
    Group group = record.group();
    Member renamed =
        Member.builder()
            .id("m4")
            .name("Dr <b id=x>Ortega</b> & co")
            .profession(Profession.GP)
            .build();
    Group.Builder changed = Group.builder().from(group).members(List.of());
    group.members().forEach(m -> changed.addMembers(m.id().equals("m4") ? renamed : m));
    Session first = record.sessions().get(0);
    String html =
        HtmlReport.builder()
            .build()
            .render(
                List.of(GroupRecord.builder().group(changed.build()).addSessions(first).build()));

    assertFalse(html.contains("<b id=x>"), "a name's markup reached the page");
    assertTrue(html.contains("&lt;b id"), "the name is not shown");
  }

  @Test
  void render_tellsApartTwoPeopleOfOneName() {
    GroupRecord record = read(THREE_SESSIONS);
    Group.Builder changed = Group.builder().from(record.group()).members(List.of());
    record
        .group()
        .members()
        .forEach(
            m ->
                changed.addMembers(
                    m.id().equals("m5")
                        ? Member.builder().from(m).name("Dr Asha Patel").build()
                        : m));
    String html =
        HtmlReport.builder()
            .build()
            .render(
                List.of(
                    GroupRecord.builder()
                        .group(changed.build())
                        .addSessions(record.sessions().get(0))
                        .build()));

    assertTrue(
        html.contains("Dr Asha Patel (m1)") && html.contains("Dr Asha Patel (m5)"),
        "not told apart");
  }

  @Test
  void render_saysWhenSomeoneLeftTheGroup() {
    GroupRecord record = read(THREE_SESSIONS);
    Group.Builder changed = Group.builder().from(record.group()).members(List.of());
    record
        .group()
        .members()
        .forEach(
            m ->
                changed.addMembers(
                    m.id().equals("m6")
                        ? Member.builder().from(m).left(LocalDate.parse("2026-10-20")).build()
                        : m));
    String html =
        HtmlReport.builder()
            .build()
            .render(List.of(GroupRecord.builder().from(record).group(changed.build()).build()));

    assertTrue(
        html.contains("Dr Tom Reid <span class=\"role\">member, left 2026-10-20</span>"),
        "no date of leaving");
  }

  @Test
  void render_refusesNoDocuments() {
    assertThrows(
        IllegalArgumentException.class, () -> HtmlReport.builder().build().render(List.of()));
  }
}
