package org.balint.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What {@code qda import} reads from a {@code .qdpx} project: the names of its codes and, per text
 * source, its text and the codes on its selections and on the source as a whole. Everything else in
 * the project (notes, sets, graphs, other kinds of source) is not needed and not read.
 */
final class QdaProject {
  /** A selection of a text source, with the names of the codes of its codings. */
  static final class Selection {
    final int start;
    final int end;
    final ImmutableList<String> codes;

    Selection(int start, int end, ImmutableList<String> codes) {
      this.start = start;
      this.end = end;
      this.codes = codes;
    }
  }

  /** A text source: its GUID and name, its text, its coded selections and its own codes. */
  static final class Source {
    final String guid;
    final String name;
    final String text;
    final ImmutableList<Selection> selections;
    final ImmutableList<String> codes;

    Source(
        String guid,
        String name,
        String text,
        ImmutableList<Selection> selections,
        ImmutableList<String> codes) {
      this.guid = guid;
      this.name = name;
      this.text = text;
      this.selections = selections;
      this.codes = codes;
    }
  }

  private final String file;
  private final ImmutableList<Source> sources;

  private QdaProject(String file, ImmutableList<Source> sources) {
    this.file = file;
    this.sources = sources;
  }

  /**
   * The project's file, for messages.
   *
   * @return the file as given
   */
  String file() {
    return file;
  }

  /**
   * The text sources, in the project's order.
   *
   * @return the sources
   */
  ImmutableList<Source> sources() {
    return sources;
  }

  /**
   * Reads a project.
   *
   * @param file the {@code .qdpx} file
   * @return the project
   * @throws CliFailure with exit code 2 naming the file and what is wrong with it
   */
  static QdaProject read(Path file) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName().toLowerCase(Locale.ROOT);
        if (!entry.isDirectory() && (name.endsWith(".qde") || name.endsWith(".txt"))) {
          entries.put(entry.getName(), zip.readAllBytes());
        }
      }
    } catch (NoSuchFileException e) {
      throw failure(file, "no such file", e);
    } catch (ZipException e) {
      throw failure(file, "not a .qdpx project (not a zip file)", e);
    } catch (IOException e) {
      throw failure(file, "cannot read: " + e.getMessage(), e);
    }
    byte @Nullable [] qde = null;
    Map<String, byte[]> sourceFiles = new HashMap<>();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      String name = entry.getKey();
      if (name.equalsIgnoreCase("project.qde")) {
        qde = entry.getValue();
      } else if (name.toLowerCase(Locale.ROOT).startsWith("sources/")) {
        sourceFiles.put(
            name.substring("sources/".length()).toLowerCase(Locale.ROOT), entry.getValue());
      }
    }
    if (qde == null) {
      throw failure(file, "not a .qdpx project: it has no project.qde", null);
    }
    return new QdaProject(file.toString(), parse(file, qde, sourceFiles));
  }

  private static ImmutableList<Source> parse(
      Path file, byte[] qde, Map<String, byte[]> sourceFiles) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      // Problems are reported once, as the exception's message, not printed by the parser.
      builder.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) throws SAXException {
              throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
              throw e;
            }
          });
      document = builder.parse(new ByteArrayInputStream(qde));
    } catch (SAXException e) {
      String where =
          e instanceof SAXParseException
              ? " (line " + ((SAXParseException) e).getLineNumber() + ")"
              : "";
      throw failure(file, "project.qde is not well-formed XML" + where + ": " + e.getMessage(), e);
    } catch (ParserConfigurationException | IOException e) {
      throw failure(file, "project.qde cannot be read: " + e.getMessage(), e);
    }
    Element project = document.getDocumentElement();
    if (!"Project".equals(project.getLocalName())) {
      throw failure(
          file, "project.qde holds a " + project.getLocalName() + ", not a Project", null);
    }
    Map<String, String> codeNames = new HashMap<>();
    for (Element codeBook : children(project, "CodeBook")) {
      for (Element codes : children(codeBook, "Codes")) {
        collectCodes(codes, codeNames);
      }
    }
    ImmutableMap<String, String> codes = ImmutableMap.copyOf(codeNames);
    ImmutableList.Builder<Source> sources = ImmutableList.builder();
    for (Element list : children(project, "Sources")) {
      for (Element source : children(list, "TextSource")) {
        sources.add(source(file, source, codes, sourceFiles));
      }
    }
    return sources.build();
  }

  private static void collectCodes(Element parent, Map<String, String> names) {
    for (Element code : children(parent, "Code")) {
      names.put(QdaVocabulary.normalGuid(code.getAttribute("guid")), code.getAttribute("name"));
      collectCodes(code, names);
    }
  }

  private static Source source(
      Path file, Element source, Map<String, String> codes, Map<String, byte[]> sourceFiles) {
    String guid = QdaVocabulary.normalGuid(source.getAttribute("guid"));
    String name = source.getAttribute("name");
    String label = "source \"" + name + "\"";
    String text;
    List<Element> content = children(source, "PlainTextContent");
    if (!content.isEmpty()) {
      text = content.get(0).getTextContent();
    } else {
      String path = source.getAttribute("plainTextPath");
      if (!path.startsWith("internal://")) {
        throw failure(
            file, label + " has no text inside the project (plainTextPath \"" + path + "\")", null);
      }
      byte[] bytes =
          sourceFiles.get(path.substring("internal://".length()).toLowerCase(Locale.ROOT));
      if (bytes == null) {
        throw failure(file, label + ": " + path + " is not in the project's sources folder", null);
      }
      text = utf8(file, label, bytes);
    }
    ImmutableList.Builder<Selection> selections = ImmutableList.builder();
    for (Element selection : children(source, "PlainTextSelection")) {
      int start = position(file, label, selection, "startPosition");
      int end = position(file, label, selection, "endPosition");
      if (start > end) {
        throw failure(
            file,
            label + ": a selection ends (" + end + ") before it starts (" + start + ")",
            null);
      }
      selections.add(new Selection(start, end, codesOf(file, label, selection, codes)));
    }
    return new Source(guid, name, text, selections.build(), codesOf(file, label, source, codes));
  }

  private static ImmutableList<String> codesOf(
      Path file, String label, Element parent, Map<String, String> codes) {
    List<String> names = new ArrayList<>();
    for (Element coding : children(parent, "Coding")) {
      for (Element ref : children(coding, "CodeRef")) {
        String target = QdaVocabulary.normalGuid(ref.getAttribute("targetGUID"));
        String name = codes.get(target);
        if (name == null) {
          throw failure(
              file,
              label + ": a coding refers to code " + target + ", which the codebook does not have",
              null);
        }
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return ImmutableList.copyOf(names);
  }

  private static int position(Path file, String label, Element selection, String attribute) {
    String value = selection.getAttribute(attribute).strip();
    try {
      int position = Integer.parseInt(value);
      if (position < 0) {
        throw new NumberFormatException();
      }
      return position;
    } catch (NumberFormatException e) {
      throw failure(
          file,
          label
              + ": a selection's "
              + attribute
              + " must be a whole number from 0, but was \""
              + value
              + "\"",
          e);
    }
  }

  private static String utf8(Path file, String label, byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw failure(file, label + ": its text is not UTF-8", e);
    }
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && localName.equals(node.getLocalName())) {
        children.add((Element) node);
      }
    }
    return children;
  }

  private static CliFailure failure(Path file, String message, @Nullable Exception cause) {
    String line = file + ": " + message;
    return cause == null
        ? new CliFailure(ExitCodes.BAD_INPUT, line)
        : new CliFailure(ExitCodes.BAD_INPUT, line, cause);
  }
}
