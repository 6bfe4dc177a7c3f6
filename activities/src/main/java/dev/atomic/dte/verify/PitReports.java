package dev.atomic.dte.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads PIT's {@code mutations.xml}. */
final class PitReports {

  private PitReports() {}

  /** Every mutant of the report, with PIT's score; {@code targets} only labels the result. */
  static MutationReport read(Path mutationsXml, String tool, MutationTargets targets)
      throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    Document document = factory.newDocumentBuilder().parse(mutationsXml.toFile());
    NodeList nodes = document.getElementsByTagName("mutation");
    List<MutationReport.Mutant> mutants = new ArrayList<>();
    int detected = 0;
    for (int i = 0; i < nodes.getLength(); i++) {
      Element mutation = (Element) nodes.item(i);
      if (Boolean.parseBoolean(mutation.getAttribute("detected"))) {
        detected++;
      }
      String pitStatus = mutation.getAttribute("status");
      String mutator = text(mutation, "mutator");
      mutants.add(
          new MutationReport.Mutant(
              text(mutation, "sourceFile"),
              Integer.parseInt(text(mutation, "lineNumber")),
              text(mutation, "description"),
              mutator.substring(mutator.lastIndexOf('.') + 1),
              status(pitStatus),
              text(mutation, "mutatedClass"),
              text(mutation, "mutatedMethod"),
              status(pitStatus).equals("error") ? pitStatus : null));
    }
    mutants.sort(
        Comparator.comparing(MutationReport.Mutant::mutatedClass)
            .thenComparingInt(MutationReport.Mutant::line)
            .thenComparing(MutationReport.Mutant::mutator)
            .thenComparing(MutationReport.Mutant::mutant));
    int total = mutants.size();
    Double score = total == 0 ? null : (double) detected / total;
    return new MutationReport(
        "completed",
        score,
        detected,
        total,
        null,
        null,
        null,
        tool,
        targets.classes(),
        targets.basis(),
        total == 0 ? "PIT generated no mutants for the changed classes" : null,
        List.copyOf(mutants));
  }

  /** PIT's status, in the report's vocabulary. */
  static String status(String pitStatus) {
    return switch (pitStatus) {
      case "KILLED" -> "killed";
      case "SURVIVED" -> "survived";
      case "NO_COVERAGE" -> "no_coverage";
      case "TIMED_OUT" -> "timeout";
      default -> "error";
    };
  }

  private static String text(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }
}
