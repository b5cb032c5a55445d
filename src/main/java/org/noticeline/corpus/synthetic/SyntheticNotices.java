package org.noticeline.corpus.synthetic;

import org.noticeline.catalog.model.AuthoritySpec;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.PlatformSpec;
import org.noticeline.catalog.model.ProceedingSpec;
import org.noticeline.catalog.model.ProvisionSpec;
import org.noticeline.domain.ConflictException;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Makes realistic notices from the catalog: notice {@code i} of seed {@code s} is always the same, whatever else is
 * made, so a corpus can be made in chunks (or in parallel) and made again. What "realistic" means here:
 * <ul>
 * <li>an authority, and a type that suits it (a court judges, a legislature legislates, a regulator does the rest);
 *     a quarter of its notices after one of its proceedings opened belong to it (then its platforms and instrument), a few percent of all;</li>
 * <li>0 to 6 cited provisions (2 on average, as in the curated corpus), nine in ten from the instruments of the authority's
 *     jurisdiction (EU law for a member state's authority too), most of them the curated ones; every one is cited in the
 *     body the way notices cite ("Article 34 of the Digital Services Act", "§ 4 NetzDG"), so linking finds them;</li>
 * <li>1 or 2 platforms, the big ones more often, named in the body;</li>
 * <li>dates uniform over the range (ten years by default), languages 80% English, then German, French and Portuguese;</li>
 * <li>bodies of 4 to 7 paragraphs, about 300 to 600 words, from sentences in the notice's language.</li>
 * </ul>
 */
public final class SyntheticNotices {

    public static final LocalDate DEFAULT_FROM = LocalDate.of(2016, 1, 1);
    public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 11, 30);
    private static final Set<String> EU_MEMBERS = Set.of("AT", "BE", "DE", "DK", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PL", "PT", "SE");
    /** Cited provisions per notice: 0 to 6, weights in percent. */
    private static final int[] RULE_COUNTS = {10, 25, 25, 17, 11, 7, 5};

    private final Catalog catalog;
    private final long seed;
    private final LocalDate from;
    private final long days;

    public SyntheticNotices(Catalog catalog, long seed) {
        this(catalog, seed, DEFAULT_FROM, DEFAULT_TO);
    }

    public SyntheticNotices(Catalog catalog, long seed, LocalDate from, LocalDate to) {
        if (catalog.authorities().isEmpty() || catalog.platforms().isEmpty() || catalog.instruments().isEmpty()) {
            // A service started without its catalog (noticeline.corpus-dir not naming notices/): the caller's to fix, not a failure.
            throw new ConflictException("synthetic notices need a catalog with authorities, platforms and instruments;"
                    + " this one has " + catalog.authorities().size() + ", " + catalog.platforms().size() + " and "
                    + catalog.instruments().size() + " (does noticeline.corpus-dir name the corpus directory?)");
        }
        this.catalog = catalog;
        this.seed = seed;
        this.from = from;
        this.days = ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Notices {@code first} to {@code first + count - 1}. */
    public List<NoticeContent> make(int first, int count) {
        List<NoticeContent> notices = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            notices.add(notice(i));
        }
        return notices;
    }

    /** Notice number {@code i}: its own random stream, so it does not depend on the notices before it. */
    public NoticeContent notice(int i) {
        Random random = new Random(seed * 1_000_003L + i);
        LocalDate date = from.plusDays(random.nextInt((int) days));
        AuthoritySpec authority = pick(random, catalog.authorities());
        ProceedingSpec proceeding = random.nextInt(4) == 0 ? proceeding(random, authority, date) : null;
        List<PlatformSpec> platforms = platforms(random, proceeding);
        List<Cited> cited = citations(random, authority, proceeding);
        String language = language(random);
        Phrases phrases = Phrases.of(language);
        NoticeType type = type(random, authority);
        PlatformSpec first = platforms.get(0);
        String topic = pick(random, phrases.topics());
        String title = phrases.title(type, authority.name(), first.name(), topic);
        String summary = phrases.summary(authority.name(), first.name(), topic, date);
        String body = body(random, phrases, authority, platforms, cited, topic, date);
        String slug = "synthetic-" + seed + "-" + i;
        List<String> sources = List.of(source(authority) + "synthetic/" + slug);
        return new NoticeContent(slug, title, date.toString(), type.id(), authority.id(), authority.jurisdiction() == null ? "EU" : authority.jurisdiction(),
                platforms.stream().map(PlatformSpec::id).toList(), cited.stream().map(Cited::key).toList(),
                proceeding == null ? null : proceeding.id(), language, summary, sources, body);
    }

    /** One cited provision: its key and how the body names it. */
    record Cited(String key, InstrumentSpec instrument, String number) {
    }

    private ProceedingSpec proceeding(Random random, AuthoritySpec authority, LocalDate date) {
        List<ProceedingSpec> open = catalog.proceedings().stream()
                .filter(p -> p.authority().equals(authority.id()) && (p.opened() == null || !p.opened().isAfter(date)))
                .filter(p -> !p.platforms().isEmpty()).toList();
        return open.isEmpty() ? null : pick(random, open);
    }

    private List<PlatformSpec> platforms(Random random, ProceedingSpec proceeding) {
        Set<PlatformSpec> chosen = new LinkedHashSet<>();
        if (proceeding != null) {
            proceeding.platforms().stream().limit(2).forEach(id -> catalog.platform(id).ifPresent(chosen::add));
        }
        int wanted = random.nextInt(10) < 7 ? 1 : 2;
        while (chosen.size() < wanted) {
            // The first dozen of the catalog (the largest services) are named half of the time.
            List<PlatformSpec> all = catalog.platforms();
            chosen.add(random.nextBoolean() ? all.get(random.nextInt(Math.min(12, all.size()))) : pick(random, all));
        }
        return new ArrayList<>(chosen);
    }

    private List<Cited> citations(Random random, AuthoritySpec authority, ProceedingSpec proceeding) {
        int count = weighted(random, RULE_COUNTS);
        List<InstrumentSpec> own = catalog.instruments().stream().filter(in -> governs(in, authority)).toList();
        List<Cited> cited = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (int attempt = 0; cited.size() < count && attempt < count * 4; attempt++) {
            InstrumentSpec instrument;
            if (proceeding != null && proceeding.instrument() != null && random.nextBoolean()) {
                instrument = catalog.instrument(proceeding.instrument()).orElse(pick(random, catalog.instruments()));
            } else {
                instrument = own.isEmpty() || random.nextInt(10) == 0 ? pick(random, catalog.instruments()) : pick(random, own);
            }
            String number = provision(random, instrument);
            if (number != null && keys.add(instrument.code() + ":" + number)) {
                cited.add(new Cited(instrument.code() + ":" + number, instrument, number));
            }
        }
        return cited;
    }

    private static boolean governs(InstrumentSpec instrument, AuthoritySpec authority) {
        String where = authority.jurisdiction();
        return where != null && (where.equals(instrument.jurisdiction()) || (EU_MEMBERS.contains(where) && "EU".equals(instrument.jurisdiction())));
    }

    /** A curated provision three times in four, otherwise any number the instrument has (rarer ones are cited too). */
    private static String provision(Random random, InstrumentSpec instrument) {
        List<ProvisionSpec> curated = instrument.provisions().stream().filter(p -> p.number().matches("\\d+")).toList();
        if (!curated.isEmpty() && (random.nextInt(4) != 0 || instrument.numbering() == null)) {
            return pick(random, curated).number();
        }
        if (instrument.numbering() == null) {
            return null;
        }
        String[] bounds = instrument.numbering().split("-");
        int low = Integer.parseInt(bounds[0].trim());
        int high = Math.min(Integer.parseInt(bounds[1].trim()), low + 400);
        return Integer.toString(Math.max(1, low + random.nextInt(high - low + 1)));
    }

    private static String language(Random random) {
        int roll = random.nextInt(100);
        return roll < 80 ? "en" : roll < 88 ? "de" : roll < 95 ? "fr" : "pt";
    }

    private static NoticeType type(Random random, AuthoritySpec authority) {
        String id = authority.id();
        if (id.contains("court") || id.equals("cjeu") || id.endsWith("-stf")) {
            return pick(random, List.of(NoticeType.JUDGMENT, NoticeType.JUDGMENT, NoticeType.ORDER, NoticeType.INTERIM_MEASURES));
        }
        if (id.contains("parliament") || id.contains("congress") || id.equals("bundestag")) {
            return pick(random, List.of(NoticeType.STATUTE, NoticeType.STATUTE, NoticeType.REPORT, NoticeType.CONSULTATION));
        }
        return pick(random, List.of(NoticeType.REQUEST_FOR_INFORMATION, NoticeType.REQUEST_FOR_INFORMATION, NoticeType.OPENING_OF_PROCEEDINGS,
                NoticeType.PRELIMINARY_FINDINGS, NoticeType.DECISION, NoticeType.FINE, NoticeType.FINE, NoticeType.GUIDANCE,
                NoticeType.PRESS_RELEASE, NoticeType.PRESS_RELEASE, NoticeType.LETTER, NoticeType.COMMITMENTS, NoticeType.CONSULTATION,
                NoticeType.REPORT, NoticeType.DESIGNATION, NoticeType.RETENTION_ORDER));
    }

    private String body(Random random, Phrases phrases, AuthoritySpec authority, List<PlatformSpec> platforms, List<Cited> cited,
                        String topic, LocalDate date) {
        int paragraphs = 4 + random.nextInt(4);
        // Words, not sentences, decide the length: German or French sentences here are shorter than English ones.
        int wordsPerParagraph = (280 + random.nextInt(320)) / paragraphs;
        List<String> citations = new ArrayList<>(cited.stream().map(c -> phrases.citation(c.instrument(), c.number(), random)).toList());
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                body.append("\n\n");
            }
            int words = 0;
            for (int s = 0; words < wordsPerParagraph; s++) {
                PlatformSpec platform = pick(random, platforms);
                String someTopic = random.nextInt(3) == 0 ? pick(random, phrases.topics()) : topic;
                String sentence;
                if (!citations.isEmpty() && (s == 0 || random.nextInt(3) == 0)) {
                    sentence = phrases.citing(random, authority.name(), platform.name(), someTopic, citations.remove(0));
                } else if (p == 0 && s == 0) {
                    sentence = phrases.opening(authority.name(), platform.name(), someTopic, date);
                } else {
                    sentence = phrases.sentence(random, authority.name(), platform.name(), someTopic);
                }
                body.append(s > 0 ? " " : "").append(sentence);
                words += sentence.split(" ").length;
            }
        }
        // Citations left over (a short body, many provisions) close the last paragraph, so each is in the text.
        while (!citations.isEmpty()) {
            body.append(' ').append(phrases.citing(random, authority.name(), platforms.get(0).name(), topic, citations.remove(0)));
        }
        return body.toString();
    }

    private static String source(AuthoritySpec authority) {
        String url = authority.url() == null ? "https://" + authority.id() + ".example.org/" : authority.url();
        return url.endsWith("/") ? url : url + "/";
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static int weighted(Random random, int[] percents) {
        int roll = random.nextInt(100);
        for (int i = 0; i < percents.length; i++) {
            roll -= percents[i];
            if (roll < 0) {
                return i;
            }
        }
        return percents.length - 1;
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
