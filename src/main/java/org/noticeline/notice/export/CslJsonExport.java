package org.noticeline.notice.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSL-JSON (the input of citeproc, Zotero, Pandoc): an array of items with the authority as author. Types: a judgment
 * is a {@code legal_case}, a statute {@code legislation}, reports, guidance and consultations a {@code report}, the
 * rest a {@code document}; the precise kind is the {@code genre}.
 */
final class CslJsonExport implements ExportWriter {

    private final ObjectMapper mapper;
    private final JsonGenerator json;
    private ExportHead head;

    CslJsonExport(ObjectMapper mapper, OutputStream out) throws IOException {
        this.mapper = mapper;
        this.json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
    }

    static String cslType(String type) {
        return switch (type) {
            case "judgment" -> "legal_case";
            case "statute" -> "legislation";
            case "report", "guidance", "consultation" -> "report";
            default -> "document";
        };
    }

    @Override
    public void begin(ExportHead head) throws IOException {
        this.head = head;
        json.writeStartArray();
    }

    @Override
    public void write(ExportedNotice n) throws IOException {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", n.slug());
        item.put("type", cslType(n.type()));
        item.put("genre", n.type());
        item.put("title", n.title());
        item.put("author", List.of(Map.of("literal", n.authorityName())));
        item.put("publisher", n.authorityName());
        item.put("jurisdiction", n.jurisdiction());
        item.put("issued", dateParts(n.date()));
        item.put("accessed", dateParts(head.madeAt().atZone(ZoneOffset.UTC).toLocalDate()));
        item.put("URL", n.url());
        if (n.summary() != null) {
            item.put("abstract", n.summary());
        }
        if (n.language() != null) {
            item.put("language", n.language());
        }
        item.put("note", "Noticeline record, revision " + n.revision() + ", as of change " + head.seq());
        mapper.writeValue(json, item);
    }

    private static Map<String, Object> dateParts(LocalDate date) {
        return Map.of("date-parts", List.of(List.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth())));
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.flush();
    }
}
