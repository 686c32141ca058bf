package dev.keywarden.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streaming the records gives exactly what reading them all gives, blank lines included. */
class CsvRecordsStreamTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,b\n1,2\n",
        "a,b\r\n1,2\r\n\r\n\n",
        "a,b\n\n1,2\n",
        "a,b\n\"x\ny\",2\n\n",
        "a,b",
        "a,b\n1,2\n\n3,4"
      })
  void stream_whateverTheText_givesWhatReadGives(String text) {
    List<CsvRecords.Line> streamed = new ArrayList<>();
    CsvRecords.stream(text, "t").forEachRemaining(streamed::add);

    assertThat(streamed).isEqualTo(CsvRecords.read(text, "t"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,b\r\n1,2\r\n\r\n\n",
        "a,b\n\"x\r\ny\",\"say \"\"hi\"\"\"\r\n\r3,4",
        "a,\"\"\"\"\n\"\",x",
        "a,b\n\n1,2\n\n3,4"
      })
  void stream_whenTheReaderGivesOneCharacterAtATime_givesWhatTheWholeTextGives(String text) {
    List<CsvRecords.Line> trickled = new ArrayList<>();
    CsvRecords.stream(oneAtATime(text), "t").forEachRemaining(trickled::add);

    assertThat(trickled).isEqualTo(CsvRecords.read(text, "t"));
  }

  @Test
  void stream_whenQuotesAndLineBreaksStraddleTheBuffer_keepsFieldsAndLineNumbers() {
    String filler = "x".repeat((1 << 16) - 3);
    String text = "a,b\n" + filler.substring(4) + ",\"q\"\"\r\nz\"\r\nlast,1\r\n";

    List<CsvRecords.Line> lines = CsvRecords.read(text, "t");

    assertThat(lines)
        .containsExactly(
            new CsvRecords.Line(1, List.of("a", "b")),
            new CsvRecords.Line(2, List.of(filler.substring(4), "q\"\r\nz")),
            new CsvRecords.Line(4, List.of("last", "1")));
  }

  @Test
  void read_givesEachRecordWithTheLineItStartsOn() {
    assertThat(CsvRecords.read("a,b\r\n\"x\ny\",2\n\n3,4\n\n", "t"))
        .containsExactly(
            new CsvRecords.Line(1, List.of("a", "b")),
            new CsvRecords.Line(2, List.of("x\ny", "2")),
            new CsvRecords.Line(4, List.of("")),
            new CsvRecords.Line(5, List.of("3", "4")));
  }

  private static Reader oneAtATime(String text) {
    return new StringReader(text) {
      @Override
      public int read(char[] into, int offset, int length) throws java.io.IOException {
        return super.read(into, offset, Math.min(1, length));
      }
    };
  }
}
