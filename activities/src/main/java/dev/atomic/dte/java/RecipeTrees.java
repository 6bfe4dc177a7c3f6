package dev.atomic.dte.java;

import java.util.Map;
import org.openrewrite.SourceFile;

/**
 * The trees the last recipe patch of a plan left, by path, and the sources they stand for. One per
 * plan: a recipe patch that directly follows another, on sources nothing else changed since, runs
 * on these trees as OpenRewrite runs a recipe list, without parsing again.
 */
public final class RecipeTrees {

  Map<String, SourceFile> trees = Map.of();
  Map<String, String> sources = Map.of();
}
