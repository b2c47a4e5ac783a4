package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryListerTest {
  @TempDir Path dir;

  @Test
  void treatsASpecWithoutWildcardsAsADirectory() {
    assertEquals("data/logs/*", DirectoryLister.toFilepattern("data/logs"));
    assertEquals("data/logs/*", DirectoryLister.toFilepattern("data/logs/"));
    assertEquals("s3://bucket/logs/*", DirectoryLister.toFilepattern("s3://bucket/logs"));
    assertEquals("data/logs/*.log", DirectoryLister.toFilepattern("data/logs/*.log"));
  }

  @Test
  void hidesDotAndUnderscoreFiles() {
    assertTrue(DirectoryLister.isHidden(".x"));
    assertTrue(DirectoryLister.isHidden("_x"));
    assertFalse(DirectoryLister.isHidden("x_.log"));
  }

  @Test
  void listsNewFilesOldestFirstUpToTheLimit() throws IOException {
    Path old = TestFiles.write(dir, "old.log", "", 1_000);
    Path known = TestFiles.write(dir, "known.log", "", 500);
    Path middle = TestFiles.write(dir, "middle.log", "", 2_000);
    TestFiles.write(dir, "new.log", "", 3_000);
    TestFiles.write(dir, ".hidden", "", 0);
    DirectoryLister lister = new DirectoryLister(DirectoryLister.toFilepattern(dir.toString()));

    List<String> listed = lister.listNew(path -> path.equals(known.toString()), 2);

    assertEquals(List.of(old.toString(), middle.toString()), listed);
  }

  @Test
  void listsNothingForADirectoryThatDoesNotExist() throws IOException {
    DirectoryLister lister =
        new DirectoryLister(DirectoryLister.toFilepattern(dir.resolve("missing").toString()));

    assertEquals(List.of(), lister.listNew(path -> false, Integer.MAX_VALUE));
  }
}
