package org.noticeline.ingest.document;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentTextExtractorTest {

    @Test
    void readsTheTextOfAPdf() throws Exception {
        byte[] pdf = TestPdfs.withLines(List.of("Commission opens proceedings against X", "Brussels, 18 December 2023",
                "Articles 34(1) and 35(1) of the DSA."));

        ExtractedDocument document = DocumentTextExtractor.extract(pdf, "letter.pdf", 10);

        assertThat(document.kind()).isEqualTo("pdf");
        assertThat(document.pages()).isEqualTo(1);
        assertThat(document.title()).isEqualTo("Commission opens proceedings against X");
        assertThat(document.text()).contains("18 December 2023", "Articles 34(1) and 35(1) of the DSA.");
    }

    @Test
    void refusesEncryptedBrokenAndOverlongPdfs() throws Exception {
        byte[] pdf = TestPdfs.withLines(List.of("Text"));

        assertThatThrownBy(() -> DocumentTextExtractor.extract(TestPdfs.encrypted(List.of("Secret")), "e.pdf", 10))
                .isInstanceOf(DocumentRejected.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> DocumentTextExtractor.extract(Arrays.copyOf(pdf, pdf.length / 3), "b.pdf", 10))
                .isInstanceOf(DocumentRejected.class).hasMessageContaining("not a readable PDF");
        assertThatThrownBy(() -> DocumentTextExtractor.extract(TestPdfs.pages(3), "long.pdf", 2))
                .isInstanceOf(DocumentRejected.class).hasMessageContaining("3 pages");
    }

    @Test
    void readsTheMainTextOfHtmlWithoutNavigationOrScripts() {
        String html = """
                <!DOCTYPE html><html><head><title>Press corner</title><script>var x = 1;</script></head>
                <body><nav>Home | News</nav><main><h1>Ofcom fines 4chan</h1><p>Ofcom fined 4chan <b>GBP 20,000</b>.</p>
                <ul><li>First point</li></ul></main><footer>Cookies</footer></body></html>""";

        ExtractedDocument document = DocumentTextExtractor.extract(html.getBytes(StandardCharsets.UTF_8), "page.html", 10);

        assertThat(document.kind()).isEqualTo("html");
        assertThat(document.title()).isEqualTo("Ofcom fines 4chan");
        assertThat(document.text()).isEqualTo("Ofcom fines 4chan\n\nOfcom fined 4chan GBP 20,000.\n\nFirst point");
    }

    @Test
    void plainTextIsTakenAsIsAndBinaryIsRefused() {
        ExtractedDocument text = DocumentTextExtractor.extract("Notice title\n\nBody.".getBytes(StandardCharsets.UTF_8), "n.txt", 10);

        assertThat(text.kind()).isEqualTo("text");
        assertThat(text.title()).isEqualTo("Notice title");
        assertThatThrownBy(() -> DocumentTextExtractor.extract(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, "x.bin", 10))
                .isInstanceOf(DocumentRejected.class);
        assertThatThrownBy(() -> DocumentTextExtractor.extract(new byte[0], "empty.txt", 10))
                .isInstanceOf(DocumentRejected.class).hasMessageContaining("empty");
    }

    @Test
    void aPdfNestedThousandsDeepIsRefusedNotAServerError() {
        String nested = "[".repeat(200_000) + "]".repeat(200_000);
        String body = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep " + nested + " >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
        byte[] pdf = ("%PDF-1.4\n" + body + "trailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> DocumentTextExtractor.extract(pdf, "deep.pdf", 10))
                .isInstanceOf(DocumentRejected.class).hasMessageContaining("not a readable PDF");
    }

    @Test
    void aPdfWhoseTextOutgrowsANoticeIsRefusedWhileItIsRead() throws Exception {
        String line = "The Commission requests information from X under Article 34 of the DSA. ";
        byte[] pdf = TestPdfs.withText(java.util.Collections.nCopies(45, line), 70);
        assertThatThrownBy(() -> DocumentTextExtractor.extract(pdf, "long.pdf", 100))
                .isInstanceOf(DocumentRejected.class).hasMessageContaining("longer than");
    }
}
