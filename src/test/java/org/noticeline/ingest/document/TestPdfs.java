package org.noticeline.ingest.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** Real PDFs made with PDFBox for the tests: plain, encrypted, and with many pages. */
public final class TestPdfs {

    private TestPdfs() {
    }

    public static byte[] withLines(List<String> lines) throws IOException {
        return build(lines, 1, false);
    }

    public static byte[] encrypted(List<String> lines) throws IOException {
        return build(lines, 1, true);
    }

    /** {@code lines} on every one of {@code pages} pages. */
    public static byte[] withText(List<String> lines, int pages) throws IOException {
        return build(lines, pages, false);
    }

    public static byte[] pages(int pages) throws IOException {
        return build(List.of("Page"), pages, false);
    }

    private static byte[] build(List<String> lines, int pages, boolean encrypt) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 740);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            if (encrypt) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                pdf.protect(policy);
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
