package org.noticeline.ingest.document;

import org.noticeline.notice.NoticeValidator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Text out of PDF (PDFBox), HTML (jsoup) and plain text. The format is recognised from the bytes,
 * not from the client's content type or file name, which are only hints.
 */
public final class DocumentTextExtractor {

    private DocumentTextExtractor() {
    }

    public static ExtractedDocument extract(byte[] bytes, String fileName, int maxPages) {
        if (bytes.length == 0) {
            throw new DocumentRejected("the file is empty");
        }
        if (startsWith(bytes, "%PDF-")) {
            return pdf(bytes, maxPages);
        }
        String text = utf8(bytes);
        String head = text.substring(0, Math.min(text.length(), 1024)).stripLeading().toLowerCase(Locale.ROOT);
        boolean htmlName = fileName != null && fileName.toLowerCase(Locale.ROOT).matches(".*\\.x?html?$");
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || htmlName) {
            return html(text);
        }
        if (text.chars().limit(4096).anyMatch(c -> c == 0)) {
            throw new DocumentRejected("not a PDF, HTML or plain-text file");
        }
        return new ExtractedDocument("text", "text/plain", firstLine(text), text.strip(), 0);
    }

    private static ExtractedDocument pdf(byte[] bytes, int maxPages) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.isEncrypted()) {
                throw new DocumentRejected("the PDF is encrypted; upload an unencrypted copy");
            }
            if (pdf.getNumberOfPages() > maxPages) {
                throw new DocumentRejected("the PDF has " + pdf.getNumberOfPages() + " pages; at most " + maxPages + " are accepted");
            }
            StringWriter out = new CappedText(NoticeValidator.MAX_BODY);
            new PDFTextStripper().writeText(pdf, out);
            String text = out.toString().strip();
            if (text.isBlank()) {
                throw new DocumentRejected("the PDF has no text layer (a scan?); OCR it first");
            }
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            return new ExtractedDocument("pdf", "application/pdf", title == null || title.isBlank() ? firstLine(text) : title.strip(),
                    text, pdf.getNumberOfPages());
        } catch (InvalidPasswordException e) {
            throw new DocumentRejected("the PDF is encrypted; upload an unencrypted copy");
        } catch (IOException e) {
            throw new DocumentRejected("not a readable PDF: " + e.getMessage());
        } catch (StackOverflowError e) {
            // PDFBox parses nested arrays and dictionaries recursively; a file nested thousands deep is hostile, not a letter.
            throw new DocumentRejected("not a readable PDF: its objects are nested too deeply");
        }
    }

    private static ExtractedDocument html(String source) {
        Document html = Jsoup.parse(source);
        Element root = html.selectFirst("main, article");
        if (root == null) {
            root = html.body();
        }
        root.select("script, style, nav, header, footer, aside, form, noscript").remove();
        StringBuilder text = new StringBuilder();
        for (Element block : root.select("h1, h2, h3, h4, p, li, blockquote, pre, td")) {
            if (block.parents().stream().anyMatch(p -> p.normalName().matches("p|li|blockquote|pre|td"))) {
                continue;
            }
            String line = block.text().strip();
            if (!line.isEmpty()) {
                text.append(line).append("\n\n");
            }
        }
        String body = text.length() == 0 ? root.text() : text.toString().strip();
        Element h1 = html.selectFirst("h1");
        String title = h1 != null && !h1.text().isBlank() ? h1.text() : html.title();
        return new ExtractedDocument("html", "text/html", title == null || title.isBlank() ? firstLine(body) : title.strip(), body, 0);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DocumentRejected("not a PDF, and not UTF-8 text or HTML");
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.length() > 200 ? l.substring(0, 200) : l).orElse(null);
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Text as it is extracted, refused as soon as it outgrows what a notice's body may hold: a small PDF whose
     * compressed streams expand to megabytes would otherwise be read to the end, and only then refused.
     */
    private static final class CappedText extends StringWriter {

        private final int max;

        CappedText(int max) {
            this.max = max;
        }

        @Override
        public void write(String text) {
            refuseBeyond(text.length());
            super.write(text);
        }

        @Override
        public void write(String text, int offset, int length) {
            refuseBeyond(length);
            super.write(text, offset, length);
        }

        @Override
        public void write(char[] text, int offset, int length) {
            refuseBeyond(length);
            super.write(text, offset, length);
        }

        @Override
        public void write(int c) {
            refuseBeyond(1);
            super.write(c);
        }

        private void refuseBeyond(int more) {
            if (getBuffer().length() + more > max) {
                throw new DocumentRejected("the document's text is longer than " + max + " characters, the most a notice holds");
            }
        }
    }
}
