package dev.tributary.pipelines.parity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One job of the cross-runner parity suite: a command line over bundled data whose {@code --output} results
 * must be the same, as multisets per window, on every runner.
 *
 * @param name names the run's folder; unique in the catalog
 * @param args the command line, job first, without {@code --output} or runner options
 */
public record ParityJob(String name, List<String> args) {
  /** The command line with its results written under {@code prefix}, and {@code runnerArgs} added. */
  public List<String> commandLine(Path prefix, List<String> runnerArgs) {
    List<String> line = new ArrayList<>(args);
    line.add("--output=" + prefix);
    line.addAll(runnerArgs);
    return line;
  }

  @Override
  public String toString() {
    return name;
  }
}
