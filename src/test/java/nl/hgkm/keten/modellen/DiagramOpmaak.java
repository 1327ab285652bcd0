package nl.hgkm.keten.modellen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What makes a BPMN diagram hard to read in Camunda Modeler, judged from its layout (DI) alone: shapes that partly
 * overlap, a sequence flow drawn through an element it does not connect, a label on another label or on an element.
 *
 * <p>The rules, margins and order of findings are those of the team's {@code diagram-layout.py}, so the build and
 * that tool always agree (proved by {@link ModelDiagramTest} on copies of older diagrams).
 */
final class DiagramOpmaak {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

  /** Drawn around other elements: a flow or label may cross their area. */
  private static final Set<String> OMHULLINGEN =
      Set.of("subProcess", "transaction", "adHocSubProcess", "participant", "lane", "group", "textAnnotation");
  private static final Set<String> VERBINDINGEN = Set.of("sequenceFlow", "messageFlow", "association",
      "dataInputAssociation", "dataOutputAssociation");
  /** Pixels a line may graze an element's border without counting. */
  private static final double MARGE = 3;

  enum Soort { VORMEN_OVERLAPPEN, STROOM_DOOR_ELEMENT, LABELS_OVERLAPPEN, LABEL_OP_ELEMENT }

  /** One finding: {@code eerste} and {@code tweede} are element ids; {@code naam} the flow's name, if any. */
  record Gebrek(Soort soort, String eerste, String tweede, String naam) {

    String beschrijving() {
      return switch (soort) {
        case VORMEN_OVERLAPPEN -> "vormen overlappen: " + eerste + " en " + tweede;
        case STROOM_DOOR_ELEMENT -> "stroom " + eerste + " (" + (naam.isEmpty() ? "zonder naam" : naam)
            + ") loopt door " + tweede;
        case LABELS_OVERLAPPEN -> "labels overlappen: " + eerste + " en " + tweede;
        case LABEL_OP_ELEMENT -> "label van " + eerste + " ligt op " + tweede;
      };
    }
  }

  private record Vak(double x0, double y0, double x1, double y1) {}

  private record Punt(double x, double y) {}

  private record Label(String element, Vak vak) {}

  private DiagramOpmaak() {}

  static List<Gebrek> controleer(Path bestand) throws IOException {
    try (InputStream in = Files.newInputStream(bestand)) {
      return controleer(in);
    }
  }

  static List<Gebrek> controleer(InputStream bpmn) throws IOException {
    Document document = lees(bpmn);
    Map<String, String> soort = new HashMap<>();
    Map<String, String> naam = new HashMap<>();
    Map<String, String> vastAan = new LinkedHashMap<>();
    Map<String, String[]> einden = new HashMap<>();
    NodeList alles = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < alles.getLength(); i++) {
      Element el = (Element) alles.item(i);
      String id = el.getAttribute("id");
      if (id.isEmpty() || !BPMN.equals(el.getNamespaceURI())) {
        continue;
      }
      soort.put(id, el.getLocalName());
      naam.put(id, el.getAttribute("name"));
      if (!el.getAttribute("attachedToRef").isEmpty()) {
        vastAan.put(id, el.getAttribute("attachedToRef"));
      }
      if (VERBINDINGEN.contains(el.getLocalName())) {
        einden.put(id, new String[] {leegIsNull(el.getAttribute("sourceRef")), leegIsNull(el.getAttribute("targetRef"))});
      }
    }

    Map<String, Vak> vormen = new LinkedHashMap<>();
    List<Label> labels = new ArrayList<>();
    Map<String, List<Punt>> lijnen = new LinkedHashMap<>();
    NodeList shapes = document.getElementsByTagNameNS(BPMNDI, "BPMNShape");
    for (int i = 0; i < shapes.getLength(); i++) {
      Element shape = (Element) shapes.item(i);
      String ref = shape.getAttribute("bpmnElement");
      vormen.put(ref, vak(kind(shape, DC, "Bounds")));
      voegLabelToe(shape, ref, naam, labels);
    }
    NodeList edges = document.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
    for (int i = 0; i < edges.getLength(); i++) {
      Element edge = (Element) edges.item(i);
      String ref = edge.getAttribute("bpmnElement");
      List<Punt> punten = new ArrayList<>();
      for (Element waypoint : kinderen(edge, DI, "waypoint")) {
        punten.add(new Punt(getal(waypoint, "x"), getal(waypoint, "y")));
      }
      lijnen.put(ref, punten);
      voegLabelToe(edge, ref, naam, labels);
    }

    List<Gebrek> gebreken = new ArrayList<>();
    Map<String, Vak> elementen = new LinkedHashMap<>();
    vormen.forEach((id, vak) -> {
      if (!OMHULLINGEN.contains(soort.get(id))) {
        elementen.put(id, vak);
      }
    });

    List<String> ids = new ArrayList<>(new TreeSet<>(vormen.keySet()));
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        Vak va = vormen.get(a);
        Vak vb = vormen.get(b);
        if (!overlapt(va, vb, 1) || bevat(va, vb) || bevat(vb, va)) {
          continue;
        }
        if (b.equals(vastAan.get(a)) || a.equals(vastAan.get(b))) {
          continue;
        }
        gebreken.add(new Gebrek(Soort.VORMEN_OVERLAPPEN, a, b, ""));
      }
    }

    lijnen.forEach((stroom, punten) -> {
      String[] eind = einden.getOrDefault(stroom, new String[2]);
      Set<String> overslaan = new HashSet<>();
      for (String e : eind) {
        overslaan.add(e);
        overslaan.add(vastAan.get(e));
      }
      vastAan.forEach((rand, gastheer) -> {
        if (gastheer.equals(eind[0]) || gastheer.equals(eind[1])) {
          overslaan.add(rand);
        }
      });
      Set<String> geraakt = new TreeSet<>();
      for (int i = 0; i + 1 < punten.size(); i++) {
        for (Map.Entry<String, Vak> element : elementen.entrySet()) {
          if (!overslaan.contains(element.getKey()) && !geraakt.contains(element.getKey())
              && kruist(punten.get(i), punten.get(i + 1), element.getValue())) {
            geraakt.add(element.getKey());
          }
        }
      }
      for (String element : geraakt) {
        gebreken.add(new Gebrek(Soort.STROOM_DOOR_ELEMENT, stroom, element, naam.getOrDefault(stroom, "")));
      }
    });

    for (int i = 0; i < labels.size(); i++) {
      Label a = labels.get(i);
      for (Label b : labels.subList(i + 1, labels.size())) {
        if (overlapt(a.vak(), b.vak(), 1)) {
          gebreken.add(new Gebrek(Soort.LABELS_OVERLAPPEN, a.element(), b.element(), ""));
        }
      }
      for (Map.Entry<String, Vak> element : elementen.entrySet()) {
        String id = element.getKey();
        if (!id.equals(a.element()) && !id.equals(vastAan.get(a.element()))
            && !"boundaryEvent".equals(soort.get(id)) && overlapt(a.vak(), element.getValue(), 2)) {
          gebreken.add(new Gebrek(Soort.LABEL_OP_ELEMENT, a.element(), id, ""));
        }
      }
    }
    return gebreken;
  }

  private static void voegLabelToe(Element vorm, String ref, Map<String, String> naam, List<Label> labels) {
    Element label = kind(vorm, BPMNDI, "BPMNLabel");
    Element grenzen = label == null ? null : kind(label, DC, "Bounds");
    if (grenzen != null && !naam.getOrDefault(ref, "").isEmpty()) {
      labels.add(new Label(ref, vak(grenzen)));
    }
  }

  private static boolean overlapt(Vak a, Vak b, double marge) {
    return a.x0() + marge < b.x1() && b.x0() + marge < a.x1() && a.y0() + marge < b.y1() && b.y0() + marge < a.y1();
  }

  private static boolean bevat(Vak buiten, Vak binnen) {
    return buiten.x0() <= binnen.x0() && buiten.y0() <= binnen.y0()
        && buiten.x1() >= binnen.x1() && buiten.y1() >= binnen.y1();
  }

  /** Does segment p-q pass through the inside of the box, shrunk by {@link #MARGE}? (Liang-Barsky clipping) */
  private static boolean kruist(Punt p, Punt q, Vak vak) {
    double x0 = vak.x0() + MARGE;
    double y0 = vak.y0() + MARGE;
    double x1 = vak.x1() - MARGE;
    double y1 = vak.y1() - MARGE;
    if (x0 >= x1 || y0 >= y1) {
      return false;
    }
    double t0 = 0;
    double t1 = 1;
    double dx = q.x() - p.x();
    double dy = q.y() - p.y();
    double[][] randen = {{-dx, p.x() - x0}, {dx, x1 - p.x()}, {-dy, p.y() - y0}, {dy, y1 - p.y()}};
    for (double[] rand : randen) {
      double pk = rand[0];
      double qk = rand[1];
      if (pk == 0) {
        if (qk < 0) {
          return false;
        }
      } else {
        double t = qk / pk;
        if (pk < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    return t0 < t1;
  }

  private static Document lees(InputStream bpmn) throws IOException {
    try {
      DocumentBuilderFactory fabriek = DocumentBuilderFactory.newInstance();
      fabriek.setNamespaceAware(true);
      fabriek.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      fabriek.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return fabriek.newDocumentBuilder().parse(bpmn);
    } catch (IOException fout) {
      throw fout;
    } catch (Exception fout) {
      throw new IOException("geen leesbare BPMN: " + fout.getMessage(), fout);
    }
  }

  private static Element kind(Element ouder, String namespace, String naam) {
    List<Element> gevonden = kinderen(ouder, namespace, naam);
    return gevonden.isEmpty() ? null : gevonden.get(0);
  }

  private static List<Element> kinderen(Element ouder, String namespace, String naam) {
    List<Element> gevonden = new ArrayList<>();
    for (Node kind = ouder.getFirstChild(); kind != null; kind = kind.getNextSibling()) {
      if (kind instanceof Element el && namespace.equals(el.getNamespaceURI()) && naam.equals(el.getLocalName())) {
        gevonden.add(el);
      }
    }
    return gevonden;
  }

  private static Vak vak(Element grenzen) {
    Objects.requireNonNull(grenzen, "vorm zonder dc:Bounds");
    double x = getal(grenzen, "x");
    double y = getal(grenzen, "y");
    return new Vak(x, y, x + getal(grenzen, "width"), y + getal(grenzen, "height"));
  }

  private static double getal(Element el, String attribuut) {
    return Double.parseDouble(el.getAttribute(attribuut));
  }

  private static String leegIsNull(String waarde) {
    return waarde.isEmpty() ? null : waarde;
  }
}
