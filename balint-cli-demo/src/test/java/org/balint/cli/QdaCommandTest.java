package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.balint.json.BalintJson;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class QdaCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A project's files by name, and its parsed project.qde. */
  static final class Project {
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final Document qde;

    Project(Path file) throws Exception {
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
          files.put(entry.getName(), zip.readAllBytes());
        }
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      qde = factory.newDocumentBuilder().parse(new ByteArrayInputStream(files.get("project.qde")));
    }

    List<Element> all(String localName) {
      NodeList nodes = qde.getElementsByTagNameNS(QdaVocabulary.NAMESPACE, localName);
      List<Element> elements = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        elements.add((Element) nodes.item(i));
      }
      return elements;
    }

    Element named(String localName, String name) {
      return all(localName).stream()
          .filter(e -> e.getAttribute("name").equals(name))
          .findFirst()
          .orElseThrow();
    }

    String text(Element source) {
      String path = source.getAttribute("plainTextPath").substring("internal://".length());
      return new String(files.get("sources/" + path), StandardCharsets.UTF_8);
    }

    String codeName(Element coding) {
      String target =
          ((Element) coding.getElementsByTagNameNS(QdaVocabulary.NAMESPACE, "CodeRef").item(0))
              .getAttribute("targetGUID");
      return all("Code").stream()
          .filter(c -> c.getAttribute("guid").equals(target))
          .findFirst()
          .orElseThrow()
          .getAttribute("name");
    }

    void write(Path file) throws Exception {
      ByteArrayOutputStream qdeBytes = new ByteArrayOutputStream();
      TransformerFactory.newInstance()
          .newTransformer()
          .transform(new DOMSource(qde), new StreamResult(qdeBytes));
      files.put("project.qde", qdeBytes.toByteArray());
      try (OutputStream out = Files.newOutputStream(file);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
          zip.putNextEntry(new ZipEntry(entry.getKey()));
          zip.write(entry.getValue());
          zip.closeEntry();
        }
      }
    }
  }

  static void assertValid(Project project) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var schema = factory.newSchema(QdaCommandTest.class.getResource("refi-qda/Project.xsd"));
    schema
        .newValidator()
        .validate(new StreamSource(new ByteArrayInputStream(project.files.get("project.qde"))));
  }

  /** The code points {@code [start, end)} of a text. */
  static String codePoints(String text, int start, int end) {
    return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
  }

  /**
   * The example with {@link TablesCommandTest#TRICKY} texts, an uncoded contribution and names in
   * texts.
   */
  Path document() throws IOException {
    ObjectNode document = TablesCommandTest.edited();
    TablesCommandTest.contribution(document, 0, 7)
        .put("text", "\uD83D\uDE22 Perhaps Zoe\u0308's doctor's numbness protects him.");
    Path file = dir.resolve("riverside.json");
    Files.writeString(file, JSON.writeValueAsString(document), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void export_isValidAndEachCodedContributionIsOneSelectionOfExactlyItsText() throws Exception {
    Path file = document();
    Path qdpx = dir.resolve("project.qdpx");

    CliRun run = CliRun.of("qda", "export", file.toString(), "--out", qdpx.toString());

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    Project project = new Project(qdpx);
    assertValid(project);
    for (ContributionKind kind : ContributionKind.values()) {
      Element code = project.named("Code", kind.name());
      assertFalse(code.getTextContent().isBlank(), kind + " has no description");
    }
    GroupRecord record = BalintJson.read(file);
    int coded = 0;
    for (Session session : record.sessions()) {
      if (session.contributions().isEmpty()) {
        continue;
      }
      Element source = project.named("TextSource", "riverside/" + session.id());
      String text = project.text(source);
      List<Element> selections = new ArrayList<>();
      NodeList nodes = source.getElementsByTagNameNS(QdaVocabulary.NAMESPACE, "PlainTextSelection");
      for (int i = 0; i < nodes.getLength(); i++) {
        selections.add((Element) nodes.item(i));
      }
      int s = 0;
      for (int i = 0; i < session.contributions().size(); i++) {
        Contribution contribution = session.contributions().get(i);
        assertTrue(text.contains(contribution.speaker() + ": " + contribution.text() + "\n"));
        if (contribution.kind().isEmpty()) {
          continue;
        }
        coded++;
        Element selection = selections.get(s++);
        int start = Integer.parseInt(selection.getAttribute("startPosition"));
        int end = Integer.parseInt(selection.getAttribute("endPosition"));
        assertEquals(contribution.text(), codePoints(text, start, end));
        NodeList codings = selection.getElementsByTagNameNS(QdaVocabulary.NAMESPACE, "Coding");
        assertEquals(1, codings.getLength());
        assertEquals(contribution.kind().get().name(), project.codeName((Element) codings.item(0)));
      }
      assertEquals(s, selections.size(), "one selection per coded contribution");
    }
    assertEquals(project.all("PlainTextSelection").size(), coded);
    Element member = project.named("Case", "Dr Ben Ode");
    assertTrue(member.getTextContent().contains("GP_TRAINEE"));
    assertTrue(member.getTextContent().contains("MEMBER"));
    assertEquals(1, project.all("User").size());
  }

  @Test
  void export_suggest_codesUncodedContributionsAsTheClassifier() throws Exception {
    Path qdpx = dir.resolve("suggested.qdpx");

    CliRun run =
        CliRun.of("qda", "export", document().toString(), "--out", qdpx.toString(), "--suggest");

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    Project project = new Project(qdpx);
    assertValid(project);
    String classifier = project.named("User", QdaVocabulary.CLASSIFIER).getAttribute("guid");
    List<Element> suggested =
        project.all("PlainTextSelection").stream()
            .filter(s -> s.getAttribute("creatingUser").equals(classifier))
            .collect(java.util.stream.Collectors.toList());
    assertEquals(1, suggested.size());
    Element source = project.named("TextSource", "riverside/2026-11-06");
    Element selection = suggested.get(0);
    assertEquals(
        "I wonder whether the list is her way of making sure she is not forgotten.",
        codePoints(
            project.text(source),
            Integer.parseInt(selection.getAttribute("startPosition")),
            Integer.parseInt(selection.getAttribute("endPosition"))));
  }

  @Test
  void import_afterACoderChangesCodings_givesExactlyTheChangedKinds() throws Exception {
    Path file = document();
    Path qdpx = dir.resolve("project.qdpx");
    assertEquals(
        ExitCodes.OK,
        CliRun.of("qda", "export", file.toString(), "--out", qdpx.toString()).exitCode);
    Project project = new Project(qdpx);
    Element source = project.named("TextSource", "riverside/2026-11-13");
    String text = project.text(source);
    // The coder recodes the new case (index 5) as a judgement, adds a code of their own to the
    // feeling at index 9 (the tricky text), and codes the uncoded speculation (2026-11-06, 6) as
    // a feeling by selecting part of it together with a CLINICAL and a FEELING code: FEELING is
    // below CLINICAL in priority, so CLINICAL wins.
    Element newCase =
        project.all("PlainTextSelection").stream()
            .filter(s -> s.getAttribute("name").equals("2026-11-13 #5"))
            .findFirst()
            .orElseThrow();
    Element codeRef =
        (Element) newCase.getElementsByTagNameNS(QdaVocabulary.NAMESPACE, "CodeRef").item(0);
    codeRef.setAttribute("targetGUID", project.named("Code", "JUDGEMENT").getAttribute("guid"));
    Element own = project.qde.createElementNS(QdaVocabulary.NAMESPACE, "Code");
    own.setAttribute("guid", "0b6a3f43-4f84-4c8e-9d63-0fd0e3f1a001");
    own.setAttribute("name", "apostolic function");
    own.setAttribute("isCodable", "true");
    project.all("Codes").get(0).appendChild(own);
    Element tricky =
        project.all("PlainTextSelection").stream()
            .filter(s -> s.getAttribute("name").equals("2026-11-13 #9"))
            .findFirst()
            .orElseThrow();
    tricky.appendChild(
        coding(project, "0b6a3f43-4f84-4c8e-9d63-0fd0e3f1a002", own.getAttribute("guid")));
    Element first = project.named("TextSource", "riverside/2026-11-06");
    String firstText = project.text(first);
    int start = firstText.codePointCount(0, firstText.indexOf("the list is her way"));
    Element selection = project.qde.createElementNS(QdaVocabulary.NAMESPACE, "PlainTextSelection");
    selection.setAttribute("guid", "0b6a3f43-4f84-4c8e-9d63-0fd0e3f1a003");
    selection.setAttribute("startPosition", Integer.toString(start));
    selection.setAttribute("endPosition", Integer.toString(start + 8));
    selection.appendChild(
        coding(
            project,
            "0b6a3f43-4f84-4c8e-9d63-0fd0e3f1a004",
            project.named("Code", "FEELING").getAttribute("guid")));
    selection.appendChild(
        coding(
            project,
            "0b6a3f43-4f84-4c8e-9d63-0fd0e3f1a005",
            project.named("Code", "CLINICAL").getAttribute("guid")));
    first.insertBefore(
        selection,
        first.getElementsByTagNameNS(QdaVocabulary.NAMESPACE, "PlainTextSelection").item(0));
    Path edited = dir.resolve("edited.qdpx");
    project.write(edited);
    assertValid(new Project(edited));
    assertTrue(text.length() > 0);

    Path out = dir.resolve("out");
    CliRun run = qdaImport(edited, out, file);

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    GroupRecord before = BalintJson.read(file);
    GroupRecord after = BalintJson.read(out.resolve("riverside.json"));
    List<String> changes = new ArrayList<>();
    for (int s = 0; s < before.sessions().size(); s++) {
      for (int i = 0; i < before.sessions().get(s).contributions().size(); i++) {
        Contribution was = before.sessions().get(s).contributions().get(i);
        Contribution is = after.sessions().get(s).contributions().get(i);
        if (!was.equals(is)) {
          changes.add(
              s
                  + "/"
                  + i
                  + " "
                  + was.kind().map(Enum::name).orElse("-")
                  + ">"
                  + is.kind().map(Enum::name).orElse("-")
                  + is.extensions().map(Object::toString).orElse(""));
        }
      }
    }
    assertEquals(
        List.of(
            "0/6 ->CLINICAL",
            "1/5 NEW_CASE>JUDGEMENT",
            "1/9 FEELING>FEELING{\"qda\":{\"codes\":[\"apostolic function\"]}}"),
        changes);
    GroupRecord expected = GroupRecord.builder().from(before).sessions(after.sessions()).build();
    assertEquals(expected, after, "only contributions changed");
  }

  private static Element coding(Project project, String guid, String code) {
    Element coding = project.qde.createElementNS(QdaVocabulary.NAMESPACE, "Coding");
    coding.setAttribute("guid", guid);
    Element ref = project.qde.createElementNS(QdaVocabulary.NAMESPACE, "CodeRef");
    ref.setAttribute("targetGUID", code);
    coding.appendChild(ref);
    return coding;
  }

  @Test
  void import_wrongDocumentsOrChangedText_isRefusedNamingWhat() throws Exception {
    Path file = document();
    Path qdpx = dir.resolve("project.qdpx");
    assertEquals(
        ExitCodes.OK,
        CliRun.of("qda", "export", file.toString(), "--out", qdpx.toString()).exitCode);
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Path lakeside = other.resolve("lakeside.json");
    Files.writeString(lakeside, Files.readString(file).replace("riverside", "lakeside"));
    ObjectNode changed = (ObjectNode) JSON.readTree(file.toFile());
    TablesCommandTest.contribution(changed, 1, 2).put("text", "What does he do all day?");
    Path edited = other.resolve("riverside.json");
    Files.writeString(edited, JSON.writeValueAsString(changed));
    Path out = dir.resolve("out");

    CliRun wrong = qdaImport(qdpx, out, lakeside);
    CliRun text = qdaImport(qdpx, out, edited);
    CliRun missing = qdaImport(qdpx, out, file, lakeside);

    assertEquals(ExitCodes.BAD_INPUT, wrong.exitCode, wrong::toString);
    assertTrue(
        wrong.err.contains(
            "does not match the documents: source \"riverside/2026-11-06\" is no session"),
        wrong::toString);
    assertEquals(ExitCodes.BAD_INPUT, text.exitCode, text::toString);
    assertTrue(
        text.err.contains("differs from session 2026-11-13 of " + edited + " at line 3"),
        text::toString);
    assertEquals(ExitCodes.BAD_INPUT, missing.exitCode, missing::toString);
    assertTrue(
        missing.err.contains("no source for session 2026-11-06 of " + lakeside), missing::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void import_notAProject_exitsTwoWithOneLine() throws Exception {
    Path file = document();
    Path text = dir.resolve("text.qdpx");
    Files.writeString(text, "hello");
    Path broken = dir.resolve("broken.qdpx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(broken))) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write("<Project name=".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Path out = dir.resolve("out");

    CliRun notZip = qdaImport(text, out, file);
    CliRun notXml = qdaImport(broken, out, file);

    assertEquals(ExitCodes.BAD_INPUT, notZip.exitCode, notZip::toString);
    assertEquals("balint: " + text + ": not a .qdpx project: it has no project.qde\n", notZip.err);
    assertEquals(ExitCodes.BAD_INPUT, notXml.exitCode, notXml::toString);
    assertTrue(
        notXml.err.startsWith(
            "balint: " + broken + ": project.qde is not well-formed XML (line 1)"),
        notXml::toString);
    assertEquals(1, notXml.err.lines().count(), notXml::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void export_badInput_writesNothing() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{}");
    Path qdpx = dir.resolve("project.qdpx");

    CliRun run =
        CliRun.of("qda", "export", document().toString(), bad.toString(), "--out", qdpx.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains("bad.json"), run::toString);
    assertFalse(Files.exists(qdpx));
  }

  @Test
  void export_pseudonymised_hidesRosterNamesAndStillImports() throws Exception {
    Path file = document();
    Path qdpx = dir.resolve("shared.qdpx");

    CliRun run =
        CliRun.of("qda", "export", file.toString(), "--out", qdpx.toString(), "--pseudonymise");

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    Project project = new Project(qdpx);
    assertValid(project);
    String everything = "";
    for (byte[] bytes : project.files.values()) {
      everything += new String(bytes, StandardCharsets.UTF_8);
    }
    for (String name : List.of("Ana Reyes", "Ben", "Priya", "Nair", "Whitley")) {
      assertFalse(everything.contains(name), () -> name + " is still in the project");
    }
    assertTrue(everything.contains("Member 2, would you like to come back in"), everything);
    Path out = dir.resolve("out");
    CliRun back = qdaImport(qdpx, out, file);
    assertEquals(ExitCodes.OK, back.exitCode, back::toString);
    assertEquals(BalintJson.read(file), BalintJson.read(out.resolve("riverside.json")));
  }

  /** Runs {@code qda import PROJECT --documents DOCUMENT... --out OUT}. */
  static CliRun qdaImport(Path project, Path out, Path... documents) {
    List<String> args =
        new ArrayList<>(List.of("qda", "import", project.toString(), "--documents"));
    for (Path document : documents) {
      args.add(document.toString());
    }
    args.add("--out");
    args.add(out.toString());
    return CliRun.of(args.toArray(String[]::new));
  }
}
