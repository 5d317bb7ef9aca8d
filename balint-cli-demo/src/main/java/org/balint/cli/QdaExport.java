package org.balint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.balint.analysis.Pseudonyms;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.Member;
import org.balint.language.ContributionClassifier;
import org.balint.language.SessionKinds;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.balint.session.SessionMode;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A REFI-QDA project (QDA-XML 1.0) of {@code balint/1} documents, written as a {@code .qdpx} file:
 * a zip holding {@code project.qde} and one plain-text source per session with contributions in
 * {@code sources/}.
 *
 * <p>The codebook has one code per kind, named as the kind and described by its definition (plus a
 * code for each name kept in {@code extensions.qda.codes}). Each contribution with a coded kind is
 * one {@code PlainTextSelection} over exactly its text, coded with its kind by the user {@value
 * QdaVocabulary#DOCUMENT_CODER}; with suggestions, each uncoded one is coded with the classifier's
 * kind by the user {@value QdaVocabulary#CLASSIFIER}. Leaders and members are cases with their id,
 * role, profession, training and the dates they joined and left as variables; each source carries
 * its session's group, id, times, mode, recording purpose and counts of those present and of cases
 * as variables.
 */
final class QdaExport {
  /**
   * The earliest time a zip entry can carry: entries carry it, so the same input gives the same
   * bytes.
   */
  private static final FileTime ZIP_TIME = FileTime.from(Instant.parse("1980-01-01T00:00:00Z"));

  private final @Nullable ContributionClassifier suggestions;
  private final boolean pseudonymise;
  private final Document xml;
  private final Element users;
  private final Element codes;
  private final Element variables;
  private final Element cases;
  private final Element sources;
  private final Map<String, String> codeGuids = new LinkedHashMap<>();
  private final Map<String, String> variableGuids = new LinkedHashMap<>();
  private final Map<String, String> texts = new LinkedHashMap<>();
  private boolean classifierUsed;

  /**
   * Starts an empty project.
   *
   * @param name the project's name
   * @param suggestions the classifier whose kinds code uncoded contributions, or null for none
   * @param pseudonymise whether names become pseudonyms (in cases' names and the texts)
   */
  QdaExport(String name, @Nullable ContributionClassifier suggestions, boolean pseudonymise) {
    this.suggestions = suggestions;
    this.pseudonymise = pseudonymise;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      this.xml = factory.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML documents are not available", e);
    }
    Element project = element(xml, "Project");
    xml.appendChild(project);
    project.setAttribute("name", clean(name));
    project.setAttribute("origin", "balint 0.1.0");
    project.setAttribute(
        "creatingUserGUID", QdaVocabulary.guid("user", QdaVocabulary.DOCUMENT_CODER));
    users = child(project, "Users");
    user(QdaVocabulary.DOCUMENT_CODER);
    Element codeBook = child(project, "CodeBook");
    codes = child(codeBook, "Codes");
    for (ContributionKind kind : ContributionKind.values()) {
      Element code = code(kind.name());
      code.setAttribute("color", QdaVocabulary.colour(kind));
      text(child(code, "Description"), QdaVocabulary.definition(kind));
    }
    variables = child(project, "Variables");
    cases = child(project, "Cases");
    sources = child(project, "Sources");
  }

  /**
   * Adds a document's people as cases and its sessions as sources.
   *
   * @param record the document
   */
  void add(GroupRecord record) {
    Group group = record.group();
    Pseudonyms pseudonyms = Pseudonyms.of(group);
    UnaryOperator<String> names = pseudonymise ? pseudonyms::replaceIn : UnaryOperator.identity();
    Map<String, Element> casesById = new LinkedHashMap<>();
    for (Leader leader : group.leaders()) {
      Element element =
          person(group, leader.id(), pseudonymise ? pseudonyms.of(leader.id()) : leader.name());
      textVariable(element, "role", "LEADER");
      textVariable(element, "profession", leader.profession().name());
      textVariable(element, "training", leader.training().name());
      dates(element, leader.joined(), leader.left());
      casesById.put(leader.id(), element);
    }
    for (Member member : group.members()) {
      Element element =
          person(group, member.id(), pseudonymise ? pseudonyms.of(member.id()) : member.name());
      textVariable(element, "role", "MEMBER");
      textVariable(element, "profession", member.profession().name());
      dates(element, member.joined(), member.left());
      casesById.put(member.id(), element);
    }
    Map<String, List<String>> selectionsBySpeaker = new LinkedHashMap<>();
    for (Session session : record.sessions()) {
      if (session.contributions().isEmpty()) {
        continue;
      }
      String sourceGuid = QdaVocabulary.guid("source", group.id(), session.id());
      for (String present : session.present()) {
        Element element = casesById.get(present);
        if (element != null) {
          child(element, "SourceRef").setAttribute("targetGUID", sourceGuid);
        }
      }
      addSource(group, session, sourceGuid, names, selectionsBySpeaker);
    }
    selectionsBySpeaker.forEach(
        (speaker, selections) -> {
          Element element = casesById.get(speaker);
          if (element != null) {
            selections.forEach(
                guid -> child(element, "SelectionRef").setAttribute("targetGUID", guid));
          }
        });
  }

  private void dates(Element person, Optional<LocalDate> joined, Optional<LocalDate> left) {
    joined.ifPresent(date -> variable(person, "joined", "Date", "DateValue", date.toString()));
    left.ifPresent(date -> variable(person, "left", "Date", "DateValue", date.toString()));
  }

  private Element person(Group group, String id, String name) {
    Element element = child(cases, "Case");
    element.setAttribute("guid", QdaVocabulary.guid("case", group.id(), id));
    element.setAttribute("name", clean(name));
    textVariable(element, "group", group.id());
    textVariable(element, "person", id);
    return element;
  }

  private void addSource(
      Group group,
      Session session,
      String guid,
      UnaryOperator<String> names,
      Map<String, List<String>> selectionsBySpeaker) {
    SessionTranscript transcript = SessionTranscript.of(session, names);
    texts.put(guid + ".txt", transcript.content());
    Element source = child(sources, "TextSource");
    source.setAttribute("guid", guid);
    source.setAttribute("name", clean(QdaVocabulary.sourceName(group.id(), session.id())));
    source.setAttribute("plainTextPath", "internal://" + guid + ".txt");
    source.setAttribute("creatingUser", QdaVocabulary.guid("user", QdaVocabulary.DOCUMENT_CODER));
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < session.cases().size(); i++) {
      Case presented = session.cases().get(i);
      titles.add(
          "Case "
              + (i + 1)
              + " (presented by "
              + presented.presenter()
              + "): "
              + presented.title());
    }
    text(child(source, "Description"), names.apply(String.join("\n", titles)));
    @Nullable SessionKinds kinds =
        suggestions == null ? null : SessionKinds.of(group, session, suggestions);
    for (int i = 0; i < session.contributions().size(); i++) {
      Contribution contribution = session.contributions().get(i);
      List<String> extra = QdaCodes.in(contribution.extensions());
      String coder = QdaVocabulary.DOCUMENT_CODER;
      @Nullable ContributionKind kind = contribution.kind().orElse(null);
      if (kind == null && kinds != null) {
        kind = kinds.kindOf(i);
        coder = QdaVocabulary.CLASSIFIER;
        if (!classifierUsed) {
          classifierUsed = true;
          user(QdaVocabulary.CLASSIFIER);
        }
      }
      if (kind == null && extra.isEmpty()) {
        continue;
      }
      String selectionGuid =
          QdaVocabulary.guid("selection", group.id(), session.id(), Integer.toString(i));
      Element selection = child(source, "PlainTextSelection");
      selection.setAttribute("guid", selectionGuid);
      selection.setAttribute("name", session.id() + " #" + i);
      selection.setAttribute("startPosition", Integer.toString(transcript.start(i)));
      selection.setAttribute("endPosition", Integer.toString(transcript.end(i)));
      selection.setAttribute("creatingUser", QdaVocabulary.guid("user", coder));
      if (kind != null) {
        coding(selection, selectionGuid, kind.name(), coder);
      }
      for (String code : extra) {
        coding(selection, selectionGuid, code, QdaVocabulary.DOCUMENT_CODER);
      }
      selectionsBySpeaker
          .computeIfAbsent(contribution.speaker(), s -> new ArrayList<>())
          .add(selectionGuid);
    }
    for (String code : QdaCodes.in(session.extensions())) {
      coding(source, guid, code, QdaVocabulary.DOCUMENT_CODER);
    }
    textVariable(source, "group", group.id());
    textVariable(source, "session", session.id());
    variable(source, "start", "DateTime", "DateTimeValue", session.start().toString());
    session
        .end()
        .ifPresent(end -> variable(source, "end", "DateTime", "DateTimeValue", end.toString()));
    textVariable(source, "mode", session.mode().orElse(SessionMode.IN_PERSON).name());
    session
        .recording()
        .ifPresent(recording -> textVariable(source, "purpose", recording.purpose().name()));
    variable(
        source, "present", "Integer", "IntegerValue", Integer.toString(session.present().size()));
    variable(source, "cases", "Integer", "IntegerValue", Integer.toString(session.cases().size()));
  }

  private void coding(Element parent, String parentGuid, String code, String coder) {
    Element coding = child(parent, "Coding");
    coding.setAttribute("guid", QdaVocabulary.guid("coding", parentGuid, code));
    coding.setAttribute("creatingUser", QdaVocabulary.guid("user", coder));
    child(coding, "CodeRef").setAttribute("targetGUID", codeGuid(code));
  }

  private String codeGuid(String name) {
    String guid = codeGuids.get(name);
    return guid != null ? guid : code(name).getAttribute("guid");
  }

  private Element code(String name) {
    String guid = QdaVocabulary.guid("code", name);
    codeGuids.put(name, guid);
    Element code = child(codes, "Code");
    code.setAttribute("guid", guid);
    code.setAttribute("name", clean(name));
    code.setAttribute("isCodable", "true");
    return code;
  }

  private void user(String name) {
    Element user = child(users, "User");
    user.setAttribute("guid", QdaVocabulary.guid("user", name));
    user.setAttribute("name", name);
  }

  private void textVariable(Element owner, String name, String value) {
    variable(owner, name, "Text", "TextValue", value);
  }

  private void variable(
      Element owner, String name, String type, String valueElement, String value) {
    String guid =
        variableGuids.computeIfAbsent(
            name,
            n -> {
              String g = QdaVocabulary.guid("variable", n);
              Element variable = child(variables, "Variable");
              variable.setAttribute("guid", g);
              variable.setAttribute("name", n);
              variable.setAttribute("typeOfVariable", type);
              return g;
            });
    Element variableValue = child(owner, "VariableValue");
    child(variableValue, "VariableRef").setAttribute("targetGUID", guid);
    text(child(variableValue, valueElement), value);
  }

  /**
   * Writes the project as a {@code .qdpx} zip.
   *
   * @param out where to write; not closed
   * @throws IOException if writing fails
   */
  void writeTo(OutputStream out) throws IOException {
    // The schema wants at least one child in each of these: leave out those with none.
    for (Element list : List.of(variables, cases, sources)) {
      if (!list.hasChildNodes() && list.getParentNode() != null) {
        list.getParentNode().removeChild(list);
      }
    }
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.putNextEntry(entry("project.qde"));
    try {
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      transformer.transform(new DOMSource(xml), new StreamResult(zip));
    } catch (TransformerException e) {
      throw new IOException("the project could not be written as XML: " + e.getMessage(), e);
    }
    zip.closeEntry();
    for (Map.Entry<String, String> text : texts.entrySet()) {
      zip.putNextEntry(entry("sources/" + text.getKey()));
      zip.write(text.getValue().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    zip.finish();
  }

  private static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(ZIP_TIME);
    return entry;
  }

  private static Element element(Document document, String name) {
    return document.createElementNS(QdaVocabulary.NAMESPACE, name);
  }

  private static Element child(Element parent, String name) {
    Element child = element(parent.getOwnerDocument(), name);
    parent.appendChild(child);
    return child;
  }

  private static void text(Element element, String value) {
    element.setTextContent(clean(value));
  }

  /**
   * A string with the characters XML 1.0 cannot hold (most controls, unpaired surrogates, U+FFFE
   * and U+FFFF) replaced by U+FFFD; used for names and descriptions, never for the texts, which go
   * into the sources as they are.
   */
  private static String clean(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      out.appendCodePoint(allowed ? c : 0xFFFD);
    }
    return out.toString();
  }
}
