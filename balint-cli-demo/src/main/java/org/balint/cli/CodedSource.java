package org.balint.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.balint.json.BalintJsonReader;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.balint.session.SpeakerRole;
import org.jspecify.annotations.Nullable;

/**
 * Coded contributions to compare, from JSON Lines ({@code id}, {@code text}, {@code kind}, optional
 * {@code phase} and {@code role}; other fields ignored) or from a {@code balint/1} document, whose
 * contributions are identified as {@code SESSION/INDEX} and whose uncoded contributions are left
 * out.
 */
final class CodedSource {
  /** One coded contribution. */
  static final class Item {
    final String id;
    final @Nullable String text;
    final Optional<Phase> phase;
    final Optional<SpeakerRole> role;
    final ContributionKind kind;

    Item(
        String id,
        @Nullable String text,
        Optional<Phase> phase,
        Optional<SpeakerRole> role,
        ContributionKind kind) {
      this.id = id;
      this.text = text;
      this.phase = phase;
      this.role = role;
      this.kind = kind;
    }
  }

  final String name;
  final ImmutableList<Item> items;

  private CodedSource(String name, ImmutableList<Item> items) {
    this.name = name;
    this.items = items;
  }

  /**
   * Reads coded contributions.
   *
   * @param file the file, or null or {@code -} for standard input (JSON Lines only)
   * @param stdin standard input
   * @param idsRequired whether each JSON line must have an {@code id} (to be joined with another
   *     source) and {@code text} may be absent; otherwise a line without one is called {@code line
   *     N} and {@code text} is required
   * @return the source
   * @throws CliFailure with exit code 2 naming the first problem
   */
  static CodedSource read(@Nullable Path file, InputStream stdin, boolean idsRequired) {
    Path named = DocumentFiles.namedFile(file);
    if (named != null && isDocument(named)) {
      return fromDocument(named, DocumentFiles.read(named, stdin, BalintJsonReader.standard()));
    }
    try (JsonLinesInput input = JsonLinesInput.open(file, stdin, null)) {
      ImmutableList.Builder<Item> items = ImmutableList.builder();
      Set<String> ids = new HashSet<>();
      for (JsonLinesInput.Line line : input.lines()) {
        items.add(item(input, line, ids, idsRequired));
      }
      return new CodedSource(input.source(), items.build());
    }
  }

  private static Item item(
      JsonLinesInput input, JsonLinesInput.Line line, Set<String> ids, boolean idsRequired) {
    JsonNode idNode = line.object.get("id");
    String id;
    if (idNode == null && !idsRequired) {
      id = "line " + line.number;
    } else {
      id =
          idNode != null && idNode.isValueNode() && !idNode.isNull()
              ? idNode.asText()
              : input.requiredText(line, "id");
      if (!ids.add(id)) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT,
            input.source()
                + ":"
                + line.number
                + ": $.id: \""
                + id
                + "\" appears on an earlier line");
      }
    }
    String text =
        idsRequired && line.object.get("text") == null ? null : input.requiredText(line, "text");
    return new Item(
        id,
        text,
        input.optionalEnum(line, "phase", Phase.class),
        input.optionalEnum(line, "role", SpeakerRole.class),
        input.requiredEnum(line, "kind", ContributionKind.class));
  }

  /** Whether a file holds one JSON object with a {@code format} field, rather than JSON Lines. */
  private static boolean isDocument(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode node =
          JsonLines.MAPPER
              .reader()
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(in);
      return node != null && node.isObject() && node.has("format");
    } catch (IOException e) {
      // Not one JSON value, or unreadable: JSON Lines reading says what is wrong.
      return false;
    }
  }

  private static CodedSource fromDocument(Path file, GroupRecord record) {
    ImmutableList.Builder<Item> items = ImmutableList.builder();
    for (Session session : record.sessions()) {
      for (int i = 0; i < session.contributions().size(); i++) {
        Contribution contribution = session.contributions().get(i);
        if (contribution.kind().isPresent()) {
          SpeakerRole role =
              session.roleOf(
                  contribution.speaker(),
                  contribution.caseIndex(),
                  record.group().isLeader(contribution.speaker()));
          items.add(
              new Item(
                  session.id() + "/" + i,
                  contribution.text(),
                  Optional.of(contribution.phase()),
                  Optional.of(role),
                  contribution.kind().get()));
        }
      }
    }
    return new CodedSource(file.toString(), items.build());
  }
}
