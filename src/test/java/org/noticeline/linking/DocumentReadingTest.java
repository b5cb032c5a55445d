package org.noticeline.linking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Reading a text as a whole document: definitions, generic and shared names, the document's instrument, parties. */
class DocumentReadingTest {

    private static Extraction extract(String text) {
        return RealCatalog.LINKER.extract(text);
    }

    private static Extraction extract(String text, String jurisdiction, String authority) {
        return RealCatalog.LINKER.extract(text, new LinkingContext(jurisdiction, authority, List.of()));
    }

    @Test
    void followsATermTheDocumentDefines() {
        assertThat(extract("This notice concerns the Online Safety Act 2023 (\"the Act\"). Section 9(2) of the Act requires a "
                + "risk assessment. The Communications Act 2003 is another matter.").rules())
                .extracting(RuleMention::key, RuleMention::resolvedBy)
                .containsExactly(tuple("UK-OSA:9", ResolvedBy.DEFINITION));
    }

    @Test
    void followsADefinitionAfterAFormalTitle() {
        assertThat(extract("Regulation (EU) 2022/2065 of the European Parliament and of the Council (hereinafter \"the "
                + "Regulation\") applies. Article 79 of the Regulation gives a right to be heard.").links().ruleKeys())
                .containsExactly("DSA:79");
    }

    @Test
    void readsAGenericNameAsTheOneInstrumentOfItsKindNamedBefore() {
        assertThat(extract("The Digital Services Act applies. Article 8 of the Regulation bars general monitoring.").rules())
                .extracting(RuleMention::key, RuleMention::resolvedBy).containsExactly(tuple("DSA:8", ResolvedBy.DOCUMENT));
        assertThat(extract("The DSA and the DMA apply. Article 8 of the Regulation is cited.").rules()).isEmpty();
        assertThat(extract("Regulation (EU) 2019/1020 applies too. Article 4 of that Regulation is cited; the DSA is not.").rules())
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UK|    | UK-OSA:109",
        "AU|    | AU-OSA:109",
        "  |ofcom| UK-OSA:109",
        "  |esafety| AU-OSA:109",
    })
    void readsASharedNameInTheDocumentsJurisdictionOrAuthority(String jurisdiction, String authority, String key) {
        assertThat(extract("Section 109 of the Online Safety Act allows removal notices.", jurisdiction, authority).links().ruleKeys())
                .containsExactly(key);
    }

    @Test
    void leavesASharedNameUnreadWhenNothingOrTwoThingsDecide() {
        assertThat(extract("Section 109 of the Online Safety Act allows removal notices.").rules()).isEmpty();
        assertThat(extract("Australia's Online Safety Act 2021 inspired the UK. In the UK, section 9 of the Online Safety Act "
                + "applies.", "UK", null).rules()).extracting(RuleMention::key).isEmpty();
    }

    @Test
    void readsTheCommissionAsTheOneTheDocumentIsAbout() {
        assertThat(extract("The Federal Trade Commission sued. The Commission alleges deception.").authorities())
                .extracting(AuthorityMention::id).containsExactly("ftc", "ftc");
        assertThat(extract("The Commission alleges deception.", "US", null).authorities()).extracting(AuthorityMention::id)
                .containsExactly("ftc");
        assertThat(extract("The Commission fined X.").authorities()).extracting(AuthorityMention::id)
                .containsExactly("european-commission");
    }

    @Test
    void readsABareCitationInTheDocumentsOneInstrumentOnly() {
        assertThat(extract("Under the DSA the Commission opened proceedings.\n\nThey are based on Article 66.").rules())
                .extracting(RuleMention::key, RuleMention::resolvedBy).containsExactly(tuple("DSA:66", ResolvedBy.DOCUMENT));
        assertThat(extract("Article 28 of Directive 95/46/EC was replaced by the GDPR. Article 7 is cited.").rules()).isEmpty();
        assertThat(RealCatalog.LINKER.extract("Proceedings were opened. Article 66 applies.",
                new LinkingContext(null, null, List.of("DSA"))).links().ruleKeys()).containsExactly("DSA:66");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "art. 19 da Lei n. 12.965/2014 (Marco Civil da Internet)| BR-MCI:19",
        "§ 4 Abs. 1 Nr. 2 NetzDG| DE-NETZDG:4",
        "Art. 6 Abs. 1 lit. f DSGVO| GDPR:6",
        "article 82 de la loi Informatique et Libertés| FR-LIL:82",
        "l'article 34 du règlement (UE) 2022/2065| DSA:34",
        "l'article 6, paragraphe 1, point f), du RGPD| GDPR:6",
        "os artigos 34.º e 35.º do Regulamento (UE) 2022/2065| DSA:34 DSA:35",
        "Article (40) of DSA| DSA:40",
        "Article 34 of the Digital Services Regulation| DSA:34",
    })
    void readsCitationsAsTheFourLanguagesWriteThem(String text, String keys) {
        assertThat(extract(text).links().ruleKeys()).containsExactly(keys.split(" "));
    }

    @Test
    void keepsAnInstrumentAfterAChangeOfMarkerToItsOwnCitation() {
        assertThat(extract("A fine under s. 10 and § 2 NetzDG.").links().ruleKeys()).containsExactly("DE-NETZDG:2");
    }

    @Test
    void readsAPartyToACaseAsTheCompany() {
        Extraction e = extract("Data Protection Commissioner v Facebook Ireland Limited and Maximillian Schrems.");
        assertThat(e.platforms()).isEmpty();
        assertThat(e.providers()).extracting(ProviderMention::id, ProviderMention::text)
                .containsExactly(tuple("meta", "Facebook Ireland Limited"));
        assertThat(extract("The DPC fined WhatsApp Ireland Limited.").platforms()).extracting(PlatformMention::id)
                .containsExactly("whatsapp");
    }

    @Test
    void readsNoNameInPhrasesThatOnlyContainOne() {
        assertThat(extract("Deforestation in the Amazon basin continues.").providers()).isEmpty();
        assertThat(extract("Threads of evidence point to X.").platforms()).extracting(PlatformMention::id).containsExactly("x");
        assertThat(extract("Threads, the Meta app, grew.").platforms()).extracting(PlatformMention::id).containsExactly("threads");
    }

    @Test
    void readsABareCitationWhereEveryCandidateReadsItAlike() {
        assertThat(extract("Section 230 of the Communications Decency Act, codified at 47 U.S.C. § 230, was cited. "
                + "The Court did not rule on Section 230.").rules())
                .extracting(RuleMention::key, RuleMention::resolvedBy)
                .containsExactly(tuple("USC-47:230", ResolvedBy.SENTENCE), tuple("USC-47:230", ResolvedBy.SENTENCE),
                        tuple("USC-47:230", ResolvedBy.DOCUMENT));
    }

    @Test
    void keepsAnUnknownInstrumentInPlayOnceNamed() {
        assertThat(extract("The DSA applies. La loi n° 2024-449 du 21 mai 2024 a été adoptée. Son article 1er modifie le code.")
                .rules()).isEmpty();
        assertThat(extract("The DSA applies. The appeal systems under Article 20 do not let users explain their case.").rules())
                .extracting(RuleMention::key).containsExactly("DSA:20");
    }
}
