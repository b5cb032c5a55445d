package org.noticeline.linking;

import org.noticeline.catalog.model.AuthoritySpec;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.PlatformSpec;
import org.noticeline.catalog.model.ProviderSpec;
import org.noticeline.catalog.model.ProvisionSpec;

import java.util.List;
import java.util.stream.Stream;

/** What a name found in text stands for in the catalog. */
sealed interface CatalogTerm {

    /**
     * Lower wins when names of two kinds cover the same words: "X Corp." is both the platform's alias
     * and its provider's name, and the platform is what a notice about it concerns.
     */
    int priority();

    record Platform(PlatformSpec spec) implements CatalogTerm {
        public int priority() {
            return 0;
        }
    }

    record Provider(ProviderSpec spec) implements CatalogTerm {
        public int priority() {
            return 1;
        }
    }

    record Authority(AuthoritySpec spec) implements CatalogTerm {
        public int priority() {
            return 2;
        }
    }

    /**
     * An instrument or named act that citations are resolved through; {@code via} says how the words came to name it
     * (its own name; a term the document defined; a shared or generic name the document settled).
     */
    record Instrument(Numbering numbering, ResolvedBy via) implements CatalogTerm {
        public Instrument(Numbering numbering) {
            this(numbering, ResolvedBy.SENTENCE);
        }

        public int priority() {
            return 3;
        }
    }

    /**
     * A name that is not one entry's on its own: {@code fallback} when the document does not say otherwise (null when
     * nothing may be assumed), one of {@code byContext} where the document's names or jurisdiction single it out, one of
     * {@code generic} where it is the only one of them the document names ("the Regulation"). {@link DocumentReading}
     * turns each into one of these or drops it.
     */
    record Shared(CatalogTerm fallback, List<CatalogTerm> byContext, List<CatalogTerm> generic) implements CatalogTerm {
        public Shared {
            byContext = List.copyOf(byContext);
            generic = List.copyOf(generic);
        }

        public int priority() {
            return fallback != null ? fallback.priority()
                    : Stream.concat(byContext.stream(), generic.stream()).mapToInt(CatalogTerm::priority).min().orElse(5);
        }
    }

    /**
     * A shared or generic name of instruments that the document leaves undecided ("the Online Safety Act" where two
     * are in play, "the Data Protection Act 2018" the catalog does not hold): no instrument is read from it, and
     * citations after it numbered by {@code unit} (the catalog unit its candidates share, null when they differ)
     * are not read in another one by default.
     */
    record Unsettled(String unit) implements CatalogTerm {
        static Unsettled of(Shared shared) {
            List<String> units = Stream.concat(shared.byContext().stream(), shared.generic().stream())
                    .filter(t -> t instanceof Instrument).map(t -> ((Instrument) t).numbering().unit()).distinct().toList();
            return new Unsettled(units.size() == 1 ? units.get(0) : null);
        }

        public int priority() {
            return 5;
        }
    }

    /** A phrase that contains a name but does not mean it ("the Amazon basin"): it covers the name and is then dropped. */
    record NotAName() implements CatalogTerm {
        public int priority() {
            return -1;
        }
    }

    /** A provision named without a number ("COPPA Rule"). */
    record Provision(InstrumentSpec instrument, ProvisionSpec provision) implements CatalogTerm {
        public int priority() {
            return 4;
        }

        String key() {
            return instrument.code() + ":" + provision.number();
        }
    }
}
