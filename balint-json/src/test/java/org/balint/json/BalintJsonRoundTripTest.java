package org.balint.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import org.balint.testing.RecordGenerators;
import org.junit.jupiter.api.Test;

/** Properties of writing and reading back generated records. */
class BalintJsonRoundTripTest {
  @Test
  void readWrite_generatedRecord_givesAnEqualRecord() {
    qt().withExamples(300)
        .forAll(RecordGenerators.groupRecords())
        .checkAssert(record -> assertEquals(record, BalintJson.read(BalintJson.write(record).getBytes(UTF_8))));
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
              var record =
                  org.balint.session.GroupRecord.builder()
                      .group(org.balint.group.Group.builder().id("g").name("G").build())
                      .extensions(extensions)
                      .build();
              assertEquals(extensions, BalintJson.read(BalintJson.write(record).getBytes(UTF_8)).extensions());
            });
  }
}
