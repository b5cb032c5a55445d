package org.noticeline.linking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The citation forms regulators write, one by one, with the spans they must report. */
class CitationFormsTest {

    private static Extraction extract(String text) {
        Extraction extraction = RealCatalog.LINKER.extract(text);
        Stream.of(extraction.rules(), extraction.unresolved()).flatMap(List::stream)
                .forEach(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
        return extraction;
    }

    @Test
    void readsArticleWithParagraphAndCodeAfterIt() {
        String text = "The provider breached Article 34(1) DSA.";
        assertThat(extract(text).rules()).containsExactly(
                new RuleMention("DSA:34", "DSA", "34", "1", null, "Article 34(1)", 22, 35));
    }

    @Test
    void readsAbbreviatedArticleWithSpacedParagraphAndPoint() {
        assertThat(extract("contrary to Art. 35 (1)(c) of the DSA").rules())
                .extracting(RuleMention::key, RuleMention::paragraph, RuleMention::point, RuleMention::text)
                .containsExactly(tuple("DSA:35", "1", "c", "Art. 35 (1)(c)"));
    }

    @Test
    void givesOneEntryPerItemOfAList() {
        assertThat(extract("Under the DSA, the obligations in Articles 34(1), 34(2) and 35(1) apply.").rules())
                .extracting(RuleMention::key, RuleMention::paragraph, RuleMention::text)
                .containsExactly(tuple("DSA:34", "1", "Articles 34(1)"), tuple("DSA:34", "2", "34(2)"),
                        tuple("DSA:35", "1", "35(1)"));
    }

    @Test
    void appliesAnInstrumentAfterAListToEveryItem() {
        assertThat(extract("Articles 16, 25 and 39 DSA").rules())
                .extracting(RuleMention::key).containsExactly("DSA:16", "DSA:25", "DSA:39");
    }

    @Test
    void expandsARangeIntoEveryProvisionWithTheRangeAsText() {
        assertThat(extract("Articles 34 to 36 of Regulation (EU) 2022/2065").rules())
                .extracting(RuleMention::key, RuleMention::text)
                .containsExactly(tuple("DSA:34", "Articles 34 to 36"), tuple("DSA:35", "Articles 34 to 36"),
                        tuple("DSA:36", "Articles 34 to 36"));
    }

    @Test
    void keepsTheLetterOfAnInsertedArticle() {
        assertThat(extract("Article 28b of the AVMSD").rules()).extracting(RuleMention::key).containsExactly("AVMSD:28b");
    }

    @Test
    void readsABarePointAfterAPointAsTheSameParagraph() {
        assertThat(extract("Article 6(1)(b) and (f) GDPR").rules())
                .extracting(RuleMention::key, RuleMention::paragraph, RuleMention::point, RuleMention::text)
                .containsExactly(tuple("GDPR:6", "1", "b", "Article 6(1)(b)"), tuple("GDPR:6", "1", "f", "(f)"));
    }

    @Test
    void readsTreatyAndCharterArticles() {
        assertThat(extract("Article 102 TFEU and Article 11 of the Charter").rules())
                .extracting(RuleMention::key).containsExactly("TFEU:102", "CHARTER:11");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the DSA                                 | DSA:5
            the Digital Services Act                | DSA:5
            Regulation (EU) 2022/2065               | DSA:5
            Regulation (EU) 2016/679                | GDPR:5
            the General Data Protection Regulation  | GDPR:5
            Directive 2002/58/EC                    | EPRIVACY:5
            the e-Commerce Directive                | ECD:5
            the TCO Regulation                      | TCO:5
            """)
    void resolvesAnInstrumentByCodeNameOrNumber(String instrument, String key) {
        assertThat(extract("Article 5 of " + instrument + " applies.").links().ruleKeys()).containsExactly(key);
    }

    @Test
    void resolvesAnInstrumentNamedEarlierInTheSentence() {
        assertThat(extract("Under the Digital Services Act, platforms must give a statement of reasons (Article 17).")
                .rules()).extracting(RuleMention::key).containsExactly("DSA:17");
    }

    @Test
    void reportsAnArticleWithoutInstrumentAsUnresolved() {
        String text = "Nothing here names a law. Article 17 requires a statement of reasons.";
        Extraction extraction = extract(text);
        assertThat(extraction.rules()).isEmpty();
        assertThat(extraction.unresolved()).containsExactly(
                new UnresolvedCitation("Article 17", "no instrument named in the sentence", 26, 36));
    }

    @Test
    void readsAnArticleInTheOneInstrumentTheDocumentNames() {
        Extraction extraction = extract("The DSA applies. Article 17 requires a statement of reasons.");
        assertThat(extraction.rules()).containsExactly(
                new RuleMention("DSA:17", "DSA", "17", null, null, "Article 17", 17, 27, ResolvedBy.DOCUMENT));
        assertThat(extraction.unresolved()).isEmpty();
    }

    @Test
    void leavesAnArticleUnresolvedWhenTheDocumentNamesTwoInstruments() {
        Extraction extraction = extract("The DSA and the GDPR apply. Article 17 requires a statement of reasons.");
        assertThat(extraction.rules()).isEmpty();
        assertThat(extraction.unresolved()).extracting(UnresolvedCitation::reason)
                .containsExactly("the document names [DSA, GDPR]; the sentence does not say which");
    }

    @Test
    void doesNotReadAnUnknownInstrumentAsAKnownOneNearby() {
        Extraction extraction = extract("Under the GDPR, Article 28 of Directive 95/46/EC was replaced.");
        assertThat(extraction.rules()).isEmpty();
        assertThat(extraction.unresolved()).extracting(UnresolvedCitation::reason)
                .containsExactly("cites 'Directive 95/46/EC', which is not an instrument of the catalog");
    }

    @Test
    void reportsANumberOutsideTheInstrumentsNumbering() {
        assertThat(extract("Article 120 DSA").unresolved()).extracting(UnresolvedCitation::reason)
                .containsExactly("DSA has no article 120");
    }

    @Test
    void readsSectionsOfTheTwoOnlineSafetyActsAsDifferentInstruments() {
        assertThat(extract("section 10 of the Online Safety Act 2023 and section 56 of the Online Safety Act 2021")
                .links().ruleKeys()).containsExactly("UK-OSA:10", "AU-OSA:56");
    }

    @Test
    void readsSectionListsAndAbbreviations() {
        assertThat(extract("Under the Online Safety Act 2023, sections 9 and 10 apply, and s. 12 too.").rules())
                .extracting(RuleMention::key, RuleMention::text)
                .containsExactly(tuple("UK-OSA:9", "sections 9"), tuple("UK-OSA:10", "10"), tuple("UK-OSA:12", "s. 12"));
        assertThat(extract("§ 2 NetzDG").rules()).extracting(RuleMention::key, RuleMention::text)
                .containsExactly(tuple("DE-NETZDG:2", "§ 2"));
    }

    @Test
    void doesNotReadAPartAsASection() {
        Extraction extraction = extract("Part 3 of the Online Safety Act 2023");
        assertThat(extraction.rules()).isEmpty();
        assertThat(extraction.unresolved()).extracting(UnresolvedCitation::reason)
                .containsExactly("UK-OSA is not numbered by part");
    }

    @Test
    void readsUnitedStatesCodeSectionsWithSubsections() {
        assertThat(extract("47 U.S.C. § 230(c)(1)").rules())
                .containsExactly(new RuleMention("USC-47:230", "USC-47", "230", "c", "1", "§ 230(c)(1)", 10, 21));
        assertThat(extract("15 U.S.C. § 45(a)").rules()).extracting(RuleMention::key).containsExactly("USC-15:45");
    }

    @Test
    void readsNamedActsThroughTheirCodifiedSections() {
        assertThat(extract("Section 230 of the Communications Decency Act").rules())
                .extracting(RuleMention::key, RuleMention::article, RuleMention::text)
                .containsExactly(tuple("USC-47:230", "230", "Section 230"));
        assertThat(extract("Section 5(a) of the FTC Act").rules())
                .extracting(RuleMention::key, RuleMention::article, RuleMention::paragraph)
                .containsExactly(tuple("USC-15:45", "45", "a"));
        assertThat(extract("Section 18 of the FTC Act").unresolved()).extracting(UnresolvedCitation::reason)
                .containsExactly("FTC Act section 18 is not mapped to a provision in the catalog");
    }

    @Test
    void expandsAUnitedStatesCodeRange() {
        assertThat(extract("15 U.S.C. §§ 6501-6506").links().ruleKeys()).containsExactly(
                "USC-15:6501", "USC-15:6502", "USC-15:6503", "USC-15:6504", "USC-15:6505", "USC-15:6506");
    }

    @Test
    void readsCodeOfFederalRegulationsParts() {
        assertThat(extract("16 C.F.R. Part 312").rules()).extracting(RuleMention::key, RuleMention::text)
                .containsExactly(tuple("CFR-16:312", "Part 312"));
        assertThat(extract("16 C.F.R. § 312.5(a)").rules())
                .extracting(RuleMention::key, RuleMention::article, RuleMention::paragraph, RuleMention::point)
                .containsExactly(tuple("CFR-16:312", "312", "5", "a"));
    }

    @Test
    void linksAProvisionKnownByName() {
        assertThat(extract("in violation of the COPPA Rule").rules()).extracting(RuleMention::key, RuleMention::text)
                .containsExactly(tuple("CFR-16:312", "COPPA Rule"));
    }

    @Test
    void neverEmitsRecitalsAsRules() {
        Extraction extraction = extract("Recital 83 and recitals 79 to 81 of the DSA explain Article 34 DSA.");
        assertThat(extraction.rules()).extracting(RuleMention::key).containsExactly("DSA:34");
        assertThat(extraction.unresolved()).isEmpty();
    }

    @Test
    void readsQualifiersBeforeTheArticle() {
        assertThat(extract("point (c) of Article 35(1) of the DSA").rules())
                .extracting(RuleMention::key, RuleMention::paragraph, RuleMention::point, RuleMention::text)
                .containsExactly(tuple("DSA:35", "1", "c", "point (c) of Article 35(1)"));
    }

    @Test
    void readsTheFormalStyleOfTheOfficialJournal() {
        assertThat(extract("Article 34(1), first subparagraph, point (b), of Regulation (EU) 2022/2065").rules())
                .extracting(RuleMention::key, RuleMention::paragraph, RuleMention::point)
                .containsExactly(tuple("DSA:34", "1", "b"));
    }

    @Test
    void carriesTheInstrumentOfTheLastCitationBackOverARun() {
        assertThat(extract("infringements of Article 5(1)(a) and Article 6(1) GDPR").links().ruleKeys())
                .containsExactly("GDPR:5", "GDPR:6");
    }

    @Test
    void stopsAListBeforeADate() {
        assertThat(extract("Article 17 DSA applied from 17 February 2024.").rules())
                .extracting(RuleMention::key).containsExactly("DSA:17");
        // the DSA, named after the date, is the document's one instrument: the list still ends before the day
        assertThat(extract("under Article 17, 12 August 2024 was the deadline in the DSA").rules())
                .extracting(RuleMention::text, RuleMention::key, RuleMention::resolvedBy)
                .containsExactly(tuple("Article 17", "DSA:17", ResolvedBy.DOCUMENT));
    }
}
