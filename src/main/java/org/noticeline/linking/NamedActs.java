package org.noticeline.linking;

import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.ProvisionSpec;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named acts learnt from provision aliases. The alias "Section 5 of the FTC Act" on 15 U.S.C. § 45 says
 * that the FTC Act numbers that provision 5; from it "Section 5(a) of the FTC Act", "Sections 5 and 18
 * of the FTC Act" and "under the FTC Act, section 5 ..." all resolve, with no alias per wording.
 */
final class NamedActs {

    private static final Pattern NUMBERED_ALIAS = Pattern.compile(
            "(article|section|part|§)s?\\s*(\\d+[a-z]?)(?:\\s*\\([^)]*\\))*\\s+of\\s+(?:the\\s+)?(.+)",
            Pattern.CASE_INSENSITIVE);

    private NamedActs() {
    }

    /** True when the alias names a provision by an act's number rather than by a name of its own. */
    static boolean isNumbered(String alias) {
        return NUMBERED_ALIAS.matcher(alias.strip()).matches();
    }

    /** One numbering per act name found in the aliases of {@code instruments}' provisions. */
    static List<Numbering> from(List<InstrumentSpec> instruments) {
        Map<String, InstrumentSpec> instrumentOf = new LinkedHashMap<>();
        Map<String, String> unitOf = new HashMap<>();
        Map<String, Map<String, String>> numbers = new HashMap<>();
        for (InstrumentSpec instrument : instruments) {
            for (ProvisionSpec provision : instrument.provisions()) {
                for (String alias : provision.aliases()) {
                    Matcher m = NUMBERED_ALIAS.matcher(alias.strip());
                    if (!m.matches()) {
                        continue;
                    }
                    String act = m.group(3).strip();
                    InstrumentSpec previous = instrumentOf.putIfAbsent(act, instrument);
                    if (previous != null && previous != instrument) {
                        throw new IllegalArgumentException("'" + act + "' names provisions of both "
                                + previous.code() + " and " + instrument.code());
                    }
                    unitOf.putIfAbsent(act, unitWord(m.group(1)));
                    numbers.computeIfAbsent(act, a -> new HashMap<>())
                            .put(m.group(2).toLowerCase(Locale.ROOT), provision.number());
                }
            }
        }
        return instrumentOf.entrySet().stream()
                .map(e -> new Numbering(e.getKey(), unitOf.get(e.getKey()), e.getValue(), numbers.get(e.getKey())))
                .toList();
    }

    private static String unitWord(String marker) {
        return marker.equals("§") ? "section" : marker.toLowerCase(Locale.ROOT);
    }
}
