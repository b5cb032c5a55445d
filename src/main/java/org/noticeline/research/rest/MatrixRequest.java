package org.noticeline.research.rest;

import jakarta.ws.rs.BeanParam;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.domain.FieldError;
import org.noticeline.notice.LinkTally;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.rest.NoticeFilterParams;
import org.noticeline.research.Matrix;
import org.noticeline.research.MatrixAxis;
import org.noticeline.research.PlatformMatrix;
import org.noticeline.web.ProblemException;
import org.noticeline.web.QueryValues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of the matrix, page and API alike: {@code by} (instrument, article, type), {@code instrument} (with
 * {@code by=article}) and the timeline filters, which narrow the notices counted. A filter on what the columns already
 * split by ({@code rule} by instrument or article, {@code type} by type) is refused: a cell could not link to its notices.
 */
public class MatrixRequest {

    @RestQuery
    public List<String> by = new ArrayList<>();
    @RestQuery
    public List<String> instrument = new ArrayList<>();
    @BeanParam
    public NoticeFilterParams filters = new NoticeFilterParams();

    /** The checked request: the counted selection, the axis and the instrument of {@code by=article}. */
    record Checked(NoticeFilter filter, MatrixAxis axis, String instrument) {

        Matrix matrix(Catalog catalog, LinkTally tally, NoticelineConfig config) {
            return PlatformMatrix.of(filter, axis, instrument, catalog, tally, config.research().matrixRows(), config.research().matrixColumns());
        }
    }

    Checked check(Catalog catalog, NoticelineConfig config) {
        String axisValue = QueryValues.single("by", by);
        MatrixAxis axis = QueryValues.blank(axisValue) ? MatrixAxis.INSTRUMENT : MatrixAxis.fromId(axisValue).orElseThrow(() ->
                ProblemException.badParameter("by", "'" + FieldError.excerpt(axisValue) + "' is not one of "
                        + String.join(", ", Arrays.stream(MatrixAxis.values()).map(MatrixAxis::id).toList())));
        String code = QueryValues.single("instrument", instrument);
        if (axis == MatrixAxis.ARTICLE) {
            if (QueryValues.blank(code)) {
                throw ProblemException.badParameter("instrument", "by=article needs the instrument whose articles are the columns, e.g. instrument=DSA");
            }
            code = catalog.instrument(code.trim()).map(i -> i.code())
                    .orElseThrow(() -> ProblemException.badParameter("instrument", "unknown instrument '" + FieldError.excerpt(instrument.get(0)) + "'"));
        } else if (!QueryValues.blank(code)) {
            throw ProblemException.badParameter("instrument", "instrument is only for by=article");
        }
        NoticeFilter filter = filters.toFilter(catalog, config);
        if (axis != MatrixAxis.TYPE && (!filter.ruleKeys().isEmpty() || !filter.instruments().isEmpty())) {
            throw ProblemException.badParameter("rule", "the columns are rules already; filter by rule with by=type");
        }
        if (axis == MatrixAxis.TYPE && !filter.types().isEmpty()) {
            throw ProblemException.badParameter("type", "the columns are types already; filter by type with by=instrument or by=article");
        }
        return new Checked(filter, axis, code == null ? null : code.toUpperCase(Locale.ROOT));
    }

    /**
     * The query string of a column's timeline: the matrix's filters with the column's value, and no platform, which the
     * row's page ({@code /platforms/{id}}) sets. A cell links to {@code /platforms/{id}?<query>}.
     */
    static String columnQuery(NoticeFilter filter, Matrix.Column column) {
        NoticeFilterParams params = NoticeFilterParams.selecting(filter);
        params.platform = new ArrayList<>();
        if (column.parameter().equals("rule")) {
            params.rule = new ArrayList<>(List.of(column.key()));
        } else {
            params.type = new ArrayList<>(List.of(column.key()));
        }
        if (filter.includeWithdrawn()) {
            params.withdrawn = new ArrayList<>(List.of("true"));
        }
        return params.filterQuery();
    }
}
