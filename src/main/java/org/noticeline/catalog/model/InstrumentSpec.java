package org.noticeline.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * A law, treaty or rulebook as the catalog describes it. {@code numbering} is the range of provision
 * numbers that exist ("1-93"); {@code provisions} are the ones with curated headings.
 */
public record InstrumentSpec(String code, String title, String number, String jurisdiction, String link,
                             String unit, String numbering, List<String> aliases, List<ProvisionSpec> provisions) {
    public InstrumentSpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        provisions = provisions == null ? List.of() : List.copyOf(provisions);
        unit = unit == null ? "article" : unit;
    }

    public Optional<ProvisionSpec> provision(String provisionNumber) {
        return provisions.stream().filter(p -> p.number().equalsIgnoreCase(provisionNumber)).findFirst();
    }

    /** True when the provision is curated, or its leading integer falls inside {@code numbering}. */
    public boolean hasProvision(String provisionNumber) {
        if (provision(provisionNumber).isPresent()) {
            return true;
        }
        if (numbering == null || provisionNumber == null) {
            return false;
        }
        String digits = provisionNumber.replaceFirst("^(\\d+).*$", "$1");
        String[] bounds = numbering.split("-");
        if (!digits.matches("\\d{1,9}") || bounds.length != 2) {
            return false;
        }
        long n = Long.parseLong(digits);
        return n >= Long.parseLong(bounds[0].trim()) && n <= Long.parseLong(bounds[1].trim());
    }
}
