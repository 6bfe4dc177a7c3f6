package dev.atomic.dte.batches;

import dev.atomic.dte.DteException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Forms batches from the dependencies between a change's edits, so that every batch stands on its
 * own. File A needs file B when A's new text uses a name that B's change introduces, or when B's
 * change removes a name that A's old text uses. Files that need each other (a renamed type and
 * every file that references it) form one group; groups are ordered so that a group comes after the
 * groups it needs, and packed into batches of about {@code batchSize} files. The tree after each
 * batch is then compiled, incrementally; a batch after which it does not compile is merged with the
 * next one. The plan says why wherever a batch is larger than asked.
 */
public final class BatchPlanner {

  /** Names quoted in a reason. */
  private static final int MAX_NAMES = 4;

  /**
   * A plan: the batches and what the build check found.
   *
   * @param buildCheck how the batches were checked, e.g. "every batch compiles (javac, 9 files)"
   */
  public record Plan(List<PlannedBatch> batches, String buildCheck) {}

  private BatchPlanner() {}

  /**
   * Plans the batches of a change.
   *
   * @param root the base tree, for the build check
   * @param changed the changed files, in path order
   * @param classpath the libraries the tree compiles against
   * @throws DteException REFUSED when the base compiles but the changed tree does not
   */
  public static Plan plan(
      Path root,
      List<ChangedFile> changed,
      List<Path> classpath,
      int batchSize,
      Consumer<String> progress) {
    if (batchSize < 1 || batchSize > 10_000) {
      throw DteException.invalid("batchSize: must be between 1 and 10000, got " + batchSize);
    }
    if (changed.isEmpty()) {
      return new Plan(List.of(), "nothing to check: no file changes");
    }
    Graph graph = Graph.of(changed);
    List<Group> groups = pack(graph, batchSize);
    progress.accept(
        groups.size()
            + " batch(es) from "
            + graph.components.size()
            + " group(s) of dependent files");
    String buildCheck;
    try (BuildCheck check = BuildCheck.start(root, classpath)) {
      if (check == null) {
        buildCheck = "not checked: this runtime has no Java compiler (a JDK is needed)";
      } else if (!check.base().compiles()) {
        buildCheck =
            "not checked: the base tree does not compile on its own ("
                + String.join("; ", check.base().errors())
                + ")";
      } else {
        groups = checkAndMerge(groups, graph, check, progress);
        buildCheck =
            "every batch compiles (javac, incremental; base: "
                + check.base().filesCompiled()
                + " file(s))";
      }
    }
    return new Plan(toBatches(groups, graph, batchSize), buildCheck);
  }

  /** Packs the groups, in dependency order, into batches of about {@code batchSize} files. */
  private static List<Group> pack(Graph graph, int batchSize) {
    List<Group> batches = new ArrayList<>();
    Group current = null;
    for (int component : graph.topologicalOrder()) {
      int size = graph.components.get(component).size();
      if (current != null && current.size(graph) + size > batchSize) {
        batches.add(current);
        current = null;
      }
      if (current == null) {
        current = new Group();
      }
      current.components.add(component);
    }
    if (current != null) {
      batches.add(current);
    }
    return batches;
  }

  private static List<Group> checkAndMerge(
      List<Group> groups, Graph graph, BuildCheck check, Consumer<String> progress) {
    List<Group> result = new ArrayList<>();
    Group carry = null;
    for (int i = 0; i < groups.size(); i++) {
      Group group = groups.get(i);
      List<ChangedFile> files = new ArrayList<>();
      group.components.forEach(
          c -> graph.components.get(c).forEach(f -> files.add(graph.files.get(f))));
      BuildCheck.Outcome outcome = check.apply(files);
      Group merged = carry == null ? group : carry.mergedWith(group);
      if (outcome.compiles()) {
        result.add(merged);
        carry = null;
        progress.accept(
            "batch "
                + result.size()
                + " compiles ("
                + outcome.filesCompiled()
                + " file(s) recompiled)");
      } else {
        if (merged.mergeReason == null) {
          merged.mergeReason =
              "merged with the batch after it: without it the tree did not compile ("
                  + (outcome.errors().isEmpty() ? "javac failed" : outcome.errors().get(0))
                  + ")";
        }
        carry = merged;
      }
    }
    if (carry != null) {
      List<String> reasons = new ArrayList<>();
      reasons.add("the changed tree does not compile, so no batch of it can be committed:");
      BuildCheck.Outcome last = check.apply(List.of());
      reasons.addAll(last.errors());
      throw DteException.refused(reasons);
    }
    return result;
  }

  private static List<PlannedBatch> toBatches(List<Group> groups, Graph graph, int batchSize) {
    Map<Integer, Integer> batchOfComponent = new HashMap<>();
    for (int b = 0; b < groups.size(); b++) {
      for (int component : groups.get(b).components) {
        batchOfComponent.put(component, b);
      }
    }
    List<PlannedBatch> batches = new ArrayList<>();
    for (int b = 0; b < groups.size(); b++) {
      Group group = groups.get(b);
      List<String> files = new ArrayList<>();
      Set<Integer> needs = new TreeSet<>();
      for (int component : group.components) {
        graph.components.get(component).forEach(f -> files.add(graph.files.get(f).path()));
        for (int other : graph.componentNeeds(component)) {
          int batch = batchOfComponent.get(other);
          if (batch != b) {
            needs.add(batch);
          }
        }
      }
      files.sort(null);
      List<String> dependsOn = needs.stream().map(n -> "batch-" + (n + 1)).toList();
      batches.add(
          new PlannedBatch("batch-" + (b + 1), files, dependsOn, reason(group, graph, batchSize)));
    }
    return batches;
  }

  private static String reason(Group group, Graph graph, int batchSize) {
    List<String> parts = new ArrayList<>();
    if (group.size(graph) > batchSize) {
      for (int component : group.components) {
        List<Integer> members = graph.components.get(component);
        if (members.size() > 1) {
          Set<String> names = new TreeSet<>();
          for (int f : members) {
            names.addAll(graph.sharedNames.getOrDefault(f, Set.of()));
          }
          parts.add(
              members.size()
                  + " files must land together: each uses a name another one"
                  + " introduces or removes ("
                  + quote(names)
                  + ")");
        }
      }
      if (parts.isEmpty()) {
        parts.add("larger than " + batchSize + " file(s)");
      }
    }
    if (group.mergeReason != null) {
      parts.add(group.mergeReason);
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static String quote(Set<String> names) {
    List<String> simple = names.stream().filter(n -> !n.contains(".")).limit(MAX_NAMES).toList();
    List<String> shown = simple.isEmpty() ? names.stream().limit(MAX_NAMES).toList() : simple;
    return String.join(", ", shown)
        + (names.size() > shown.size() && simple.size() == MAX_NAMES ? ", …" : "");
  }

  /** Components packed into one batch. */
  private static final class Group {
    final List<Integer> components = new ArrayList<>();
    String mergeReason;

    int size(Graph graph) {
      return components.stream().mapToInt(c -> graph.components.get(c).size()).sum();
    }

    Group mergedWith(Group next) {
      Group merged = new Group();
      merged.components.addAll(components);
      merged.components.addAll(next.components);
      merged.mergeReason = mergeReason;
      return merged;
    }
  }

  /** Which changed file needs which, and its strongly connected components. */
  private static final class Graph {
    final List<ChangedFile> files;
    final List<Set<Integer>> needs = new ArrayList<>();
    final Map<Integer, Set<String>> sharedNames = new HashMap<>();
    final List<List<Integer>> components = new ArrayList<>();
    final int[] componentOf;

    private Graph(List<ChangedFile> files) {
      this.files = files;
      this.componentOf = new int[files.size()];
      for (int i = 0; i < files.size(); i++) {
        needs.add(new TreeSet<>());
      }
    }

    static Graph of(List<ChangedFile> changed) {
      Graph graph = new Graph(List.copyOf(changed));
      Map<String, String> sources = new LinkedHashMap<>();
      for (ChangedFile file : changed) {
        if (file.isJava()) {
          if (file.before() != null) {
            sources.put("old:" + file.path(), file.before());
          }
          if (file.after() != null) {
            sources.put("new:" + file.path(), file.after());
          }
        }
      }
      Map<String, Set<String>> declared = Declarations.of(sources);
      int n = changed.size();
      List<Set<String>> introduced = new ArrayList<>();
      List<Set<String>> removed = new ArrayList<>();
      List<Set<String>> usesOld = new ArrayList<>();
      List<Set<String>> usesNew = new ArrayList<>();
      for (ChangedFile file : changed) {
        Set<String> before = declared.getOrDefault("old:" + file.path(), Set.of());
        Set<String> after = declared.getOrDefault("new:" + file.path(), Set.of());
        Set<String> in = new HashSet<>(after);
        in.removeAll(before);
        Set<String> out = new HashSet<>(before);
        out.removeAll(after);
        introduced.add(in);
        removed.add(out);
        usesOld.add(file.isJava() ? Identifiers.of(file.before()) : Set.of());
        usesNew.add(file.isJava() ? Identifiers.of(file.after()) : Set.of());
      }
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          if (a == b) {
            continue;
          }
          // a's new text uses what b introduces: a needs b
          graph.link(a, b, intersection(usesNew.get(a), introduced.get(b)));
          // b removes what a's old text uses: b needs a (a must stop using it first)
          graph.link(b, a, intersection(usesOld.get(a), removed.get(b)));
        }
      }
      graph.findComponents();
      return graph;
    }

    private void link(int from, int to, Set<String> names) {
      if (!names.isEmpty()) {
        needs.get(from).add(to);
        sharedNames.computeIfAbsent(from, k -> new TreeSet<>()).addAll(names);
        sharedNames.computeIfAbsent(to, k -> new TreeSet<>()).addAll(names);
      }
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
      Set<String> small = a.size() < b.size() ? a : b;
      Set<String> large = small == a ? b : a;
      Set<String> result = new TreeSet<>();
      for (String name : small) {
        if (large.contains(name)) {
          result.add(name);
        }
      }
      return result;
    }

    /** Tarjan's algorithm, iteratively, so a long chain of files cannot overflow the stack. */
    private void findComponents() {
      int n = files.size();
      int[] index = new int[n];
      int[] low = new int[n];
      boolean[] onStack = new boolean[n];
      java.util.Arrays.fill(index, -1);
      java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
      int counter = 0;
      for (int start = 0; start < n; start++) {
        if (index[start] >= 0) {
          continue;
        }
        java.util.ArrayDeque<int[]> work = new java.util.ArrayDeque<>();
        work.push(new int[] {start, 0});
        while (!work.isEmpty()) {
          int[] frame = work.peek();
          int v = frame[0];
          if (frame[1] == 0 && index[v] < 0) {
            index[v] = low[v] = counter++;
            stack.push(v);
            onStack[v] = true;
          }
          List<Integer> next = new ArrayList<>(needs.get(v));
          if (frame[1] < next.size()) {
            int w = next.get(frame[1]++);
            if (index[w] < 0) {
              work.push(new int[] {w, 0});
            } else if (onStack[w]) {
              low[v] = Math.min(low[v], index[w]);
            }
            continue;
          }
          work.pop();
          if (!work.isEmpty()) {
            int parent = work.peek()[0];
            low[parent] = Math.min(low[parent], low[v]);
          }
          if (low[v] == index[v]) {
            List<Integer> component = new ArrayList<>();
            int w;
            do {
              w = stack.pop();
              onStack[w] = false;
              component.add(w);
              componentOf[w] = components.size();
            } while (w != v);
            component.sort(null);
            components.add(component);
          }
        }
      }
    }

    /** Components a component needs, other than itself. */
    Set<Integer> componentNeeds(int component) {
      Set<Integer> result = new TreeSet<>();
      for (int f : components.get(component)) {
        for (int g : needs.get(f)) {
          if (componentOf[g] != component) {
            result.add(componentOf[g]);
          }
        }
      }
      return result;
    }

    /** Components, each after the ones it needs; among ready ones, the first file path first. */
    List<Integer> topologicalOrder() {
      int count = components.size();
      int[] waiting = new int[count];
      List<Set<Integer>> neededBy = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        neededBy.add(new TreeSet<>());
      }
      for (int c = 0; c < count; c++) {
        Set<Integer> required = componentNeeds(c);
        waiting[c] = required.size();
        for (int r : required) {
          neededBy.get(r).add(c);
        }
      }
      PriorityQueue<Integer> ready =
          new PriorityQueue<>((x, y) -> firstPath(x).compareTo(firstPath(y)));
      for (int c = 0; c < count; c++) {
        if (waiting[c] == 0) {
          ready.add(c);
        }
      }
      List<Integer> order = new ArrayList<>();
      while (!ready.isEmpty()) {
        int c = ready.poll();
        order.add(c);
        for (int dependent : neededBy.get(c)) {
          if (--waiting[dependent] == 0) {
            ready.add(dependent);
          }
        }
      }
      return order;
    }

    private String firstPath(int component) {
      return files.get(components.get(component).get(0)).path();
    }
  }
}
