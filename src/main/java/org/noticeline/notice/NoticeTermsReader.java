package org.noticeline.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The {@link NoticeTerms} of many notices in three queries (the notices' columns, their platforms, their rules), without
 * loading the notices: a planner matching a batch of changes needs only these, and the bodies, sources and revisions
 * of notices nobody subscribed to are never read.
 */
@ApplicationScoped
public class NoticeTermsReader {

    @Inject
    EntityManager em;

    /** The terms of each of the notices {@code ids} that exists, by id. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<Long, NoticeTerms> read(Collection<Long> ids) {
        Map<Long, NoticeTerms> terms = new HashMap<>();
        if (ids.isEmpty()) {
            return terms;
        }
        List<Long> wanted = List.copyOf(ids);
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select id, authority_id, type, jurisdiction, proceeding_id, notice_date"
                + " from notice where id in (:ids)").setParameter("ids", wanted).getResultList()) {
            terms.put(((Number) row[0]).longValue(), new NoticeTerms(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                    (String) row[1], (String) row[2], (String) row[3], (String) row[4], date(row[5])));
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select notice_id, platform_id from notice_platform where notice_id in (:ids)"
                + " order by notice_id, platform_id").setParameter("ids", wanted).getResultList()) {
            terms.get(((Number) row[0]).longValue()).platforms().add((String) row[1]);
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select notice_id, rule_key, instrument_code from notice_rule"
                + " where notice_id in (:ids) order by notice_id, rule_key").setParameter("ids", wanted).getResultList()) {
            NoticeTerms notice = terms.get(((Number) row[0]).longValue());
            notice.ruleKeys().add((String) row[1]);
            notice.instruments().add((String) row[2]);
        }
        return terms;
    }

    /** The {@link NoticeText} of each of the notices {@code ids} that exists, by id: one query, read only for text queries. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<Long, NoticeText> readText(Collection<Long> ids) {
        Map<Long, NoticeText> texts = new HashMap<>();
        if (ids.isEmpty()) {
            return texts;
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select id, title, summary, body, language, status from notice where id in (:ids)")
                .setParameter("ids", List.copyOf(ids)).getResultList()) {
            texts.put(((Number) row[0]).longValue(), new NoticeText((String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5]));
        }
        return texts;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
