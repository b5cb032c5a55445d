package org.noticeline.notice.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON: {@code {"seq": n, "madeAt": ..., "query": ..., "items": [...]}}; or JSON lines, one notice per line and nothing
 * else, so that line tools can take it (the position is then in the file name and the {@code Noticeline-Seq} header).
 */
final class JsonExport implements ExportWriter {

    private final JsonGenerator json;
    private final boolean lines;
    private final ObjectMapper mapper;
    private final OutputStream out;

    JsonExport(ObjectMapper mapper, OutputStream out, boolean lines) throws IOException {
        this.mapper = mapper;
        this.out = out;
        this.lines = lines;
        this.json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
    }

    @Override
    public void begin(ExportHead head) throws IOException {
        if (lines) {
            return;
        }
        json.writeStartObject();
        json.writeNumberField("seq", head.seq());
        json.writeStringField("madeAt", head.madeAt().toString());
        json.writeStringField("query", head.query());
        json.writeArrayFieldStart("items");
    }

    @Override
    public void write(ExportedNotice notice) throws IOException {
        if (lines) {
            out.write(mapper.writeValueAsBytes(notice));
            out.write('\n');
        } else {
            mapper.writeValue(json, notice);
        }
    }

    @Override
    public void end() throws IOException {
        if (!lines) {
            json.writeEndArray();
            json.writeEndObject();
        }
        json.flush();
        out.flush();
    }
}
