package org.balint.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import org.balint.group.Group;
import org.balint.session.GroupRecord;
import org.balint.testing.RecordGenerators;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of writing and reading back generated records. */
class BalintJsonRoundTripTest {
  @Test
  void readWrite_generatedRecord_givesAnEqualRecord() {
    qt().withExamples(300)
        .forAll(RecordGenerators.groupRecords())
        .checkAssert(
            record ->
                assertEquals(record, BalintJson.read(BalintJson.write(record).getBytes(UTF_8))));
  }

  @Test
  void write_readBackDocument_givesTheSameText() {
    qt().withExamples(300)
        .forAll(RecordGenerators.groupRecords())
        .checkAssert(
            record -> {
              String written = BalintJson.write(record);
              assertEquals(written, BalintJson.write(BalintJson.read(written.getBytes(UTF_8))));
            });
  }

  @Test
  void extensions_generatedJson_isKeptExactly() {
    qt().forAll(RecordGenerators.extensions())
        .checkAssert(
            extensions -> {
              GroupRecord record =
                  GroupRecord.builder()
                      .group(Group.builder().id("g").name("G").build())
                      .extensions(extensions)
                      .build();
              assertEquals(
                  extensions,
                  BalintJson.read(BalintJson.write(record).getBytes(UTF_8)).extensions());
            });
  }

  /** Bytes that break JSON, UTF-8 or the format in interesting ways. */
  private static final List<Byte> HOSTILE_BYTES =
      List.of(
          (byte) '{',
          (byte) '}',
          (byte) '[',
          (byte) ']',
          (byte) '"',
          (byte) ',',
          (byte) ':',
          (byte) '\\',
          (byte) '0',
          (byte) '-',
          (byte) 'n',
          (byte) ' ',
          (byte) 0x00,
          (byte) 0xFF,
          (byte) 0xC3,
          (byte) 0xED,
          (byte) 0x80);

  /** A written document with one to three bytes deleted, inserted or replaced. */
  private static Gen<byte[]> mutatedDocuments() {
    Gen<GroupRecord> records = RecordGenerators.groupRecords();
    Gen<Integer> operations = Generate.range(0, 2);
    Gen<Integer> counts = Generate.range(1, 3);
    Gen<Byte> hostile = Generate.pick(HOSTILE_BYTES);
    return random -> {
      byte[] document = BalintJson.write(records.generate(random)).getBytes(UTF_8);
      int count = counts.generate(random);
      for (int i = 0; i < count; i++) {
        int at = Generate.range(0, document.length - 1).generate(random);
        switch (operations.generate(random)) {
          case 0:
            byte[] shorter = new byte[document.length - 1];
            System.arraycopy(document, 0, shorter, 0, at);
            System.arraycopy(document, at + 1, shorter, at, document.length - at - 1);
            document = shorter;
            break;
          case 1:
            byte[] longer = Arrays.copyOf(document, document.length + 1);
            System.arraycopy(document, at, longer, at + 1, document.length - at);
            longer[at] = hostile.generate(random);
            document = longer;
            break;
          default:
            document[at] = hostile.generate(random);
        }
      }
      return document;
    };
  }

  @Test
  void read_mutatedDocument_givesARecordOrAOneLineFormatError() {
    qt().withExamples(500)
        .forAll(mutatedDocuments())
        .checkAssert(
            document -> {
              try {
                GroupRecord record = BalintJson.read(document);
                assertEquals(record, BalintJson.read(BalintJson.write(record).getBytes(UTF_8)));
              } catch (BalintFormatException e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertFalse(e.getMessage().contains("Source:"), e.getMessage());
              }
            });
  }
}
