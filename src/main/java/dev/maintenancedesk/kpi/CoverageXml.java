package dev.maintenancedesk.kpi;

import dev.maintenancedesk.problem.InvalidInput;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the totals of a JaCoCo ({@code <report>}, its top-level {@code <counter type="LINE">}) or a
 * Cobertura ({@code <coverage lines-covered lines-valid>}, what coverage.py writes) report with the
 * JDK's StAX parser, DTDs and external entities off. A document type declaration with an internal
 * subset (where entities are declared: XXE, billion laughs) is refused outright; the plain public
 * DOCTYPE JaCoCo writes is read without fetching anything.
 */
final class CoverageXml {

    enum Format { JACOCO, COBERTURA }

    record Totals(Format format, long covered, long total) {

        BigDecimal percent() {
            return total == 0 ? BigDecimal.ZERO.setScale(3)
                    : BigDecimal.valueOf(covered * 100).divide(BigDecimal.valueOf(total), 3, RoundingMode.HALF_UP);
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    private CoverageXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    static Totals parse(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw InvalidInput.of("report", "a JaCoCo or Cobertura XML report is required");
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    String dtd = r.getText();
                    if (dtd != null && (dtd.contains("[") || dtd.contains("<!ENTITY"))) {
                        throw refused("document type declarations with entities are not accepted");
                    }
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw refused("entity references are not accepted");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    return switch (r.getLocalName()) {
                        case "report" -> jacoco(r);
                        case "coverage" -> cobertura(r);
                        default -> throw refused("not a JaCoCo (<report>) or Cobertura (<coverage>) report");
                    };
                }
            }
            throw refused("no root element");
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw refused("not well-formed XML (" + firstLine(e.getMessage()) + ")");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    /** JaCoCo: the report's own LINE counter (a direct child of {@code <report>}). */
    private static Totals jacoco(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw refused("entity references are not accepted");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2 && "counter".equals(r.getLocalName()) && "LINE".equals(r.getAttributeValue(null, "type"))) {
                    long missed = number(r, "missed");
                    long covered = number(r, "covered");
                    return new Totals(Format.JACOCO, covered, covered + missed);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        throw refused("the JaCoCo report has no LINE counter");
    }

    /** Cobertura: lines-covered ÷ lines-valid on the root element. */
    private static Totals cobertura(XMLStreamReader r) {
        long covered = number(r, "lines-covered");
        long valid = number(r, "lines-valid");
        if (covered > valid) {
            throw refused("lines-covered is greater than lines-valid");
        }
        return new Totals(Format.COBERTURA, covered, valid);
    }

    private static long number(XMLStreamReader r, String attribute) {
        String value = r.getAttributeValue(null, attribute);
        try {
            long n = Long.parseLong(value == null ? "" : value.strip());
            if (n < 0) {
                throw refused("attribute " + attribute + " is negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw refused("attribute " + attribute + " is missing or not a whole number");
        }
    }

    private static InvalidInput refused(String message) {
        return InvalidInput.of("report", message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(message).strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
