package org.coproduction.timeline.report.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The lifecycle report as a Word document (Apache POI), converted from the very HTML page {@link
 * HtmlReport} writes, as the PDF is, so the three never differ in content: its headings become
 * Word's own Heading 1-4 (the navigation pane and a table of contents see them), its tables real
 * tables (header rows repeated on each page, figures right-aligned), its charts pictures (the SVG
 * drawn to PNG by Batik, its title as the picture's alternative text), the team's own text indented
 * with a rule at its left. The main sections start on a new page as in the PDF. The document says
 * the page's title, subject and language.
 */
public final class DocxReport {

    /** The media type of a Word document. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final int[] HEADING_HALF_POINTS = {36, 28, 24, 21};
    private static final String FONT = "Arial";
    private static final int CHART_WIDTH_CM = 16;
    private static final int TEXT_WIDTH_TWIPS = 9000;
    private static final Set<String> NO_PAGE_BREAK = Set.of("methods", "evidence");

    private final XWPFDocument doc;
    private int sections;

    private DocxReport(XWPFDocument doc) {
        this.doc = doc;
    }

    /** The report as a Word document, printed as asked. */
    public static byte[] render(LifecycleReport report, ReportOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        write(report, options, out);
        return out.toByteArray();
    }

    /** Writes the report, printed as asked, as a Word document to {@code out}, left open. */
    public static void write(LifecycleReport report, ReportOptions options, OutputStream out) {
        writeHtml(HtmlReport.render(report, options), out);
    }

    /** Converts a page written by {@link HtmlReport}. */
    static void writeHtml(String html, OutputStream out) {
        Document page = parse(html);
        try (XWPFDocument doc = new XWPFDocument()) {
            Element root = page.getDocumentElement();
            defaults(doc, root.getAttribute("lang"));
            Element head = child(root, "head");
            doc.getProperties().getCoreProperties().setTitle(text(child(head, "title")));
            doc.getProperties().getCoreProperties().setCreator("Coproduction Timeline");
            for (Element meta : children(head, "meta")) {
                if ("subject".equals(meta.getAttribute("name"))) {
                    doc.getProperties().getCoreProperties().setSubjectProperty(meta.getAttribute("content"));
                }
            }
            new DocxReport(doc).blocks(child(child(root, "body"), "main"));
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Word report", e);
        }
    }

    /** The page as a DOM: it is well-formed XML; no DTD or external entity is read. */
    private static Document parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a page written by HtmlReport", e);
        }
    }

    /** The body's font and size, the document's language, and Word's own heading styles. */
    private static void defaults(XWPFDocument doc, String language) {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        styles.setDefaultFonts(fonts);
        if (!language.isBlank()) {
            styles.setSpellingLanguage(language);
        }
        for (int level = 1; level <= HEADING_HALF_POINTS.length; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            // Word's built-in name, lower case, so Word treats it as its own heading style.
            style.addNewName().setVal("heading " + level);
            style.addNewNext().setVal("Normal");
            style.addNewUiPriority().setVal(BigInteger.valueOf(9));
            style.addNewQFormat();
            CTPPrGeneral paragraph = style.addNewPPr();
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            paragraph.addNewKeepNext();
            paragraph.addNewSpacing().setBefore(BigInteger.valueOf(level == 1 ? 0 : 240));
            CTRPr run = style.addNewRPr();
            run.addNewB();
            run.addNewSz().setVal(BigInteger.valueOf(HEADING_HALF_POINTS[level - 1]));
            XWPFStyle added = new XWPFStyle(style);
            added.setType(STStyleType.PARAGRAPH);
            styles.addStyle(added);
        }
    }

    /** The blocks inside an element, in order. */
    private void blocks(Element parent) {
        for (Element element : children(parent, null)) {
            block(element);
        }
    }

    private void block(Element element) {
        String name = element.getTagName();
        switch (name) {
            case "h1", "h2", "h3", "h4" -> heading(element, name.charAt(1) - '0');
            case "p" -> paragraph(element);
            case "ul" -> children(element, "li").forEach(li -> {
                XWPFParagraph item = doc.createParagraph();
                item.setIndentationLeft(360);
                item.setIndentationHanging(240);
                inline(item, li, "\u2022 ");
            });
            case "dl" -> children(element, null).forEach(entry -> {
                XWPFParagraph item = doc.createParagraph();
                if (entry.getTagName().equals("dt")) {
                    item.setSpacingAfter(0);
                    keepNext(item);
                    run(item, text(entry)).setBold(true);
                } else {
                    item.setIndentationLeft(360);
                    inline(item, entry, "");
                }
            });
            case "table" -> table(element);
            case "figure" -> children(element, "svg").forEach(this::chart);
            case "div" -> {
                if (element.getAttribute("class").contains("team")) {
                    children(element, "p").forEach(this::teamParagraph);
                } else {
                    blocks(element);
                }
            }
            case "section" -> {
                sections++;
                blocks(element);
            }
            default -> blocks(element);
        }
    }

    private void heading(Element element, int level) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setStyle("Heading" + level);
        // The main sections start on a new page, as in the PDF; the first, the methods and the evidence follow on.
        Node section = element.getParentNode();
        if (level == 2
                && sections > 1
                && section instanceof Element s
                && !NO_PAGE_BREAK.contains(s.getAttribute("id"))) {
            heading.setPageBreak(true);
        }
        run(heading, text(element));
    }

    private void paragraph(Element element) {
        XWPFParagraph paragraph = doc.createParagraph();
        String kind = element.getAttribute("class");
        inline(paragraph, element, "");
        if (kind.contains("tbw")) {
            paragraph.getRuns().forEach(r -> r.setItalic(true));
        } else if (kind.contains("ids")) {
            paragraph.getRuns().forEach(r -> r.setFontSize(7));
        }
    }

    /** A paragraph of the team's own text: indented, with a rule at its left; who wrote it in grey italics. */
    private void teamParagraph(Element element) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setIndentationLeft(284);
        paragraph.setBorderLeft(Borders.SINGLE);
        inline(paragraph, element, "");
        if (element.getAttribute("class").contains("by")) {
            paragraph.getRuns().forEach(r -> {
                r.setItalic(true);
                r.setColor("404040");
            });
        }
    }

    /** The element's text as runs: strong or em words bold or italic, links as their text. */
    private void inline(XWPFParagraph paragraph, Element element, String prefix) {
        if (!prefix.isEmpty()) {
            run(paragraph, prefix);
        }
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE) {
                run(paragraph, collapse(node.getNodeValue()));
            } else if (node instanceof Element e) {
                XWPFRun run = run(paragraph, text(e));
                run.setBold(e.getTagName().equals("strong") || e.getTagName().equals("b"));
                run.setItalic(e.getTagName().equals("em") || e.getTagName().equals("i"));
            }
        }
    }

    private void table(Element element) {
        Element caption = child(element, "caption");
        if (caption != null) {
            XWPFParagraph title = doc.createParagraph();
            keepNext(title);
            title.setSpacingAfter(60);
            run(title, text(caption)).setBold(true);
        }
        List<Element> rows = new java.util.ArrayList<>();
        for (String group : List.of("thead", "tbody")) {
            Element part = child(element, group);
            if (part != null) {
                rows.addAll(children(part, "tr"));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        int columns = children(rows.get(0), null).size();
        XWPFTable table = doc.createTable(rows.size(), columns);
        table.setWidth("100%");
        int[] widths = widths(rows, columns);
        double fontSize = fontSize(rows, columns);
        // Word and LibreOffice lay a table out by its grid: each column's width in twips of the text's 9,000.
        var grid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int c = 0; c < columns; c++) {
            var column = c < grid.sizeOfGridColArray() ? grid.getGridColArray(c) : grid.addNewGridCol();
            column.setW(BigInteger.valueOf(TEXT_WIDTH_TWIPS * widths[c] / 100));
        }
        Element head = child(element, "thead");
        int headerRows = head == null ? 0 : children(head, "tr").size();
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            row.setCantSplitRow(true);
            if (r < headerRows) {
                row.setRepeatHeader(true);
            }
            List<Element> cells = children(rows.get(r), null);
            for (int c = 0; c < columns && c < cells.size(); c++) {
                Element cell = cells.get(c);
                XWPFTableCell target = row.getCell(c);
                target.setWidth(widths[c] + "%");
                XWPFParagraph text = target.getParagraphs().get(0);
                text.setSpacingAfter(0);
                XWPFRun run = run(text, text(cell));
                run.setFontSize(fontSize);
                if (cell.getTagName().equals("th")) {
                    run.setBold(true);
                }
                if (r < headerRows) {
                    target.setColor("E8E8E8");
                }
                if (cell.getAttribute("class").contains("n")) {
                    text.setAlignment(ParagraphAlignment.RIGHT);
                }
            }
        }
        doc.createParagraph().setSpacingAfter(0);
    }

    /**
     * The table's font size: 8 points, or less (to 6) for a table so wide that the longest word of
     * each column would not fit across the page at 8 points (about 100 characters of Arial), so that
     * no word is broken across lines.
     */
    private static double fontSize(List<Element> rows, int columns) {
        int[] longest = new int[columns];
        for (Element row : rows) {
            List<Element> cells = children(row, null);
            for (int c = 0; c < columns && c < cells.size(); c++) {
                for (String word : text(cells.get(c)).split(" ")) {
                    longest[c] = Math.max(longest[c], word.length() + 2);
                }
            }
        }
        int needed = java.util.Arrays.stream(longest).sum();
        return needed <= CHARACTERS_AT_8_POINTS
                ? 8
                : Math.max(6, Math.floor(16.0 * CHARACTERS_AT_8_POINTS / needed) / 2);
    }

    /** How many characters of Arial at 8 points, bold headers among them, a row of the text's width holds. */
    private static final int CHARACTERS_AT_8_POINTS = 95;

    /**
     * Each column's share of the width, in percent: as its longest word or, for long text, a share
     * of its longest cell, so that no word is broken across lines while the table fits the page.
     */
    private static int[] widths(List<Element> rows, int columns) {
        double[] weight = new double[columns];
        for (Element row : rows) {
            List<Element> cells = children(row, null);
            for (int c = 0; c < columns && c < cells.size(); c++) {
                String text = text(cells.get(c));
                int longestWord = 0;
                for (String word : text.split(" ")) {
                    longestWord = Math.max(longestWord, word.length());
                }
                weight[c] = Math.max(weight[c], Math.max(longestWord + 3, Math.min(text.length(), 60) / 2.5));
            }
        }
        double total = java.util.Arrays.stream(weight).sum();
        int[] percent = new int[columns];
        for (int c = 0; c < columns; c++) {
            percent[c] = (int) Math.max(1, Math.round(100 * weight[c] / total));
        }
        return percent;
    }

    /** A chart: its SVG drawn to PNG at twice A4's text width in pixels, its title as the alternative text. */
    private void chart(Element svg) {
        double width = Double.parseDouble(svg.getAttribute("width"));
        double height = Double.parseDouble(svg.getAttribute("height"));
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) (width * 2));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(serialize(svg))), new TranscoderOutput(png));
        } catch (TranscoderException e) {
            throw new IllegalStateException("cannot draw a chart of the report", e);
        }
        String title = text(child(svg, "title"));
        XWPFParagraph picture = doc.createParagraph();
        keepNext(picture);
        XWPFRun run = picture.createRun();
        try {
            run.addPicture(
                    new ByteArrayInputStream(png.toByteArray()),
                    PictureType.PNG,
                    "chart.png",
                    Units.toEMU(CHART_WIDTH_CM * 72 / 2.54),
                    Units.toEMU(CHART_WIDTH_CM * 72 / 2.54 * height / width));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("cannot add a chart to the Word report", e);
        }
        // The alternative text, where Word (the drawing) and other readers (the picture) look for it.
        run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(title);
        run.getEmbeddedPictures().get(0).getCTPicture().getNvPicPr().getCNvPr().setDescr(title);
    }

    private static String serialize(Element svg) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            java.io.StringWriter out = new java.io.StringWriter();
            transformer.transform(new DOMSource(svg), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot read a chart of the report", e);
        }
    }

    /** Keeps the paragraph on the page of the next (POI's own setter needs the properties to exist). */
    private static void keepNext(XWPFParagraph paragraph) {
        if (!paragraph.getCTP().isSetPPr()) {
            paragraph.getCTP().addNewPPr();
        }
        paragraph.setKeepNext(true);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        return run;
    }

    private static String text(Element element) {
        return element == null ? "" : collapse(element.getTextContent()).strip();
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The element children of a parent, of one name or (null) all. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new java.util.ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && (name == null || e.getTagName().equals(name))) {
                found.add(e);
            }
        }
        return found;
    }
}
