package org.noticeline.linking;

import org.noticeline.catalog.model.AuthoritySpec;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.PlatformSpec;
import org.noticeline.catalog.model.ProviderSpec;
import org.noticeline.catalog.model.ProvisionSpec;

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

    /** An instrument or named act that citations are resolved through. */
    record Instrument(Numbering numbering) implements CatalogTerm {
        public int priority() {
            return 3;
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
