package org.noticeline.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * A law, treaty or rulebook as the catalog describes it. {@code numbering} is the range of provision
 * numbers that exist ("1-93"); {@code provisions} are the ones with curated headings.
 *
 * @param contextAliases names it shares with other instruments ("Online Safety Act" is the UK's and Australia's):
 *                       read as this one only where the document's jurisdiction, authority or other names say so
 * @param genericNames   what documents call an instrument of its kind ("the Regulation", "le règlement"): read as
 *                       this one only in a document that names it and no other instrument with the same generic name
 */
public record InstrumentSpec(String code, String title, String number, String jurisdiction, String link,
                             String unit, String numbering, List<String> aliases, List<ProvisionSpec> provisions,
                             List<String> contextAliases, List<String> genericNames) {
    public InstrumentSpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        provisions = provisions == null ? List.of() : List.copyOf(provisions);
        unit = unit == null ? "article" : unit;
        contextAliases = contextAliases == null ? List.of() : List.copyOf(contextAliases);
        genericNames = genericNames == null ? List.of() : List.copyOf(genericNames);
    }

    public InstrumentSpec(String code, String title, String number, String jurisdiction, String link,
                          String unit, String numbering, List<String> aliases, List<ProvisionSpec> provisions) {
        this(code, title, number, jurisdiction, link, unit, numbering, aliases, provisions, List.of(), List.of());
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
