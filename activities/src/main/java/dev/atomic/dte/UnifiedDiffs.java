package dev.atomic.dte;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;

/** Unified diffs of whole files, with three lines of context. */
final class UnifiedDiffs {

  private UnifiedDiffs() {}

  static FileDiff of(String path, String newPath, String before, String after) {
    List<String> original = lines(before);
    List<String> revised = lines(after);
    Patch<String> patch = DiffUtils.diff(original, revised);
    int insertions = 0;
    int deletions = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      insertions += delta.getTarget().size();
      deletions += delta.getSource().size();
    }
    String target = newPath == null ? path : newPath;
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + target, original, patch, 3);
    String text = unified.isEmpty() ? "" : String.join("\n", unified) + "\n";
    if (newPath != null && unified.isEmpty()) {
      text = "rename from " + path + "\nrename to " + newPath + "\n";
    }
    return new FileDiff(path, newPath, insertions, deletions, text);
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
  }
}
