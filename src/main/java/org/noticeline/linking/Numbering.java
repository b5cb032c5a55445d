package org.noticeline.linking;

import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.ProvisionSpec;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A numbering that cited numbers are read in. Usually an instrument's own ("Article 34 DSA" is DSA:34);
 * for a named act whose sections are codified elsewhere, a map onto the instrument's provisions
 * ("Section 5 of the FTC Act" is 15 U.S.C. § 45, USC-15:45).
 *
 * @param name       how reasons name it: the instrument's code or the act's name
 * @param unit       the catalog unit its numbers count (article, section, part)
 * @param instrument the instrument whose rule keys the numbers resolve to
 * @param mapped     for a named act, its section numbers to the instrument's; empty for the instrument's own numbering
 */
record Numbering(String name, String unit, InstrumentSpec instrument, Map<String, String> mapped) {

    Numbering {
        mapped = Map.copyOf(mapped);
    }

    static Numbering of(InstrumentSpec instrument) {
        return new Numbering(instrument.code(), instrument.unit(), instrument, Map.of());
    }

    /** The instrument's provision number that {@code cited} stands for, or empty when the catalog has none. */
    Optional<String> provision(String cited) {
        // "section 08" is section 8: rule keys carry no leading zeros, so one provision has one key.
        String number = cited.toLowerCase(Locale.ROOT).replaceFirst("^0+(?=\\d)", "");
        if (!mapped.isEmpty()) {
            return Optional.ofNullable(mapped.get(number));
        }
        return instrument.hasProvision(number)
                ? Optional.of(instrument.provision(number).map(ProvisionSpec::number).orElse(number))
                : Optional.empty();
    }

    /** Why {@code cited} gives no provision, for an unresolved citation. */
    String missing(String cited) {
        return mapped.isEmpty()
                ? name + " has no " + unit + " " + cited
                : name + " " + unit + " " + cited + " is not mapped to a provision in the catalog";
    }
}
