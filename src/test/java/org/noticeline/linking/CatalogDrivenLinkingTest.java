package org.noticeline.linking;

import org.junit.jupiter.api.Test;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.PlatformSpec;
import org.noticeline.catalog.model.ProviderSpec;
import org.noticeline.catalog.model.ProvisionSpec;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the engine finds comes from the catalog: adding an instrument, alias or platform is enough. */
class CatalogDrivenLinkingTest {

    private static final String TEXT = "Under Article 3(1) of the Data Act, Mastodon and Bluesky must share data; "
            + "Section 18(a) of the FTC Act also applies.";

    @Test
    void findsNothingTheCatalogDoesNotKnow() {
        Extraction extraction = RealCatalog.LINKER.extract(TEXT);
        assertThat(extraction.rules()).isEmpty();
        assertThat(extraction.platforms()).isEmpty();
    }

    @Test
    void findsWhatIsAddedToTheCatalog() {
        Catalog real = RealCatalog.CATALOG;
        List<InstrumentSpec> instruments = new ArrayList<>();
        for (InstrumentSpec instrument : real.instruments()) {
            instruments.add(instrument.code().equals("USC-15") ? withProvision(instrument,
                    new ProvisionSpec("57a", "Unfair or deceptive acts or practices rulemaking proceedings",
                            List.of("Section 18 of the FTC Act"))) : instrument);
        }
        instruments.add(new InstrumentSpec("DA", "Data Act", "Regulation (EU) 2023/2854", "EU", null, "article", "1-50",
                List.of("Data Act"), List.of()));
        List<ProviderSpec> providers = new ArrayList<>(real.providers());
        providers.add(new ProviderSpec("mastodon-ggmbh", "Mastodon gGmbH", List.of()));
        List<PlatformSpec> platforms = new ArrayList<>(real.platforms());
        platforms.add(new PlatformSpec("mastodon", "Mastodon", List.of(), "mastodon-ggmbh", List.of()));
        platforms.add(new PlatformSpec("bluesky", "Bluesky", List.of("Bluesky Social"), null, List.of()));
        Catalog extended = new Catalog(instruments, platforms, providers, real.authorities(), real.proceedings());

        Extraction extraction = Linker.from(extended).extract(TEXT);

        assertThat(extraction.links().ruleKeys()).containsExactly("DA:3", "USC-15:57a");
        assertThat(extraction.links().platformIds()).containsExactly("mastodon", "bluesky");
    }

    private static InstrumentSpec withProvision(InstrumentSpec instrument, ProvisionSpec provision) {
        List<ProvisionSpec> provisions = new ArrayList<>(instrument.provisions());
        provisions.add(provision);
        return new InstrumentSpec(instrument.code(), instrument.title(), instrument.number(), instrument.jurisdiction(),
                instrument.link(), instrument.unit(), instrument.numbering(), instrument.aliases(), provisions);
    }
}
