package dev.tributary.io.files;

import dev.tributary.transforms.table.ResultTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * Writes each table as the lines its formatter gives, UTF-8, each ended by {@code \n}. A table without
 * lines leaves the file empty, so a firing with an empty result still has its file.
 */
final class WindowedFileSink implements FileIO.Sink<ResultTable> {
  private static final long serialVersionUID = 1L;
  private final SerializableFunction<ResultTable, List<String>> formatter;
  private transient Writer out;

  WindowedFileSink(SerializableFunction<ResultTable, List<String>> formatter) {
    this.formatter = formatter;
  }

  @Override
  public void open(WritableByteChannel channel) {
    // FileIO owns the channel and closes it after flush(); this writer only buffers and encodes.
    out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
  }

  @Override
  public void write(ResultTable table) throws IOException {
    for (String line : formatter.apply(table)) {
      out.write(line);
      out.write('\n');
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}
