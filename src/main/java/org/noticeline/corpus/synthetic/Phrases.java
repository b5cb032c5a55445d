package org.noticeline.corpus.synthetic;

import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.notice.NoticeType;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The sentences synthetic notices are written in, one set per language. In every pattern {@code %1$s} is the
 * authority, {@code %2$s} a platform, {@code %3$s} a topic and {@code %4$s} a citation or a date.
 */
record Phrases(String language, List<String> topics, String title, String summary, String opening, List<String> citing,
               List<String> sentences, String article, String section, String part) {

    private static final Phrases EN = new Phrases("en",
            List.of("risk assessment", "age verification", "recommender systems", "the advertising repository", "data access for researchers",
                    "dark patterns in the interface", "notice and action", "illegal content", "transparency reporting", "trader traceability",
                    "the protection of minors", "election integrity", "disinformation", "content moderation", "complaint handling",
                    "verified accounts", "targeted advertising", "terms and conditions", "crisis response", "consent to tracking",
                    "children's personal data", "hate speech", "counterfeit products", "algorithmic amplification"),
            "%1$s %5$s %2$s over %3$s",
            "%1$s took a step concerning %2$s and %3$s on %4$s.",
            "On %4$s, %1$s announced a step concerning %2$s and %3$s.",
            List.of("The authority relied on %4$s in its assessment of %3$s.",
                    "According to %1$s, %2$s may have breached %4$s.",
                    "The notice cites %4$s, which governs %3$s on services such as %2$s.",
                    "%1$s recalled that %4$s requires providers to address %3$s.",
                    "Under %4$s, %2$s had to explain how it handles %3$s."),
            List.of("%1$s said that it had examined documents supplied by %2$s over several months.",
                    "The provider was given an opportunity to reply before any final measure.",
                    "%2$s said it would cooperate and that it disagreed with parts of the assessment.",
                    "The investigation focused on %3$s and on the information given to users.",
                    "Observers noted that the case is one of the first of its kind concerning %3$s.",
                    "%1$s asked %2$s to provide internal reports, audits and statistics on %3$s.",
                    "The measure applies to users across the jurisdiction and takes effect immediately.",
                    "A deadline of several weeks was set for the answers, after which further steps may follow.",
                    "Civil society organisations had complained about %3$s on %2$s for a long time.",
                    "The authority stressed that the opening of a case does not prejudge its outcome.",
                    "%2$s published a statement describing changes to its systems for %3$s.",
                    "The decision may be appealed before the competent court.",
                    "%1$s coordinated its work with other regulators that supervise %2$s.",
                    "Further information was published on the website of %1$s together with a summary of the findings.",
                    "Experts consulted by %1$s examined samples of content and the design of the service.",
                    "The company was reminded that repeated breaches can lead to periodic penalty payments."),
            "Article %s of the %s", "section %s of the %s", "Part %s of %s");

    private static final Phrases DE = new Phrases("de",
            List.of("Risikobewertung", "Altersverifikation", "Empfehlungssystemen", "Werbearchiven", "Datenzugang für Forschende",
                    "Jugendschutz", "rechtswidrigen Inhalten", "Transparenzberichten", "Beschwerdemanagement", "Desinformation",
                    "verifizierten Konten", "Moderation von Inhalten"),
            "%1$s: Verfahren gegen %2$s wegen %3$s",
            "%1$s ist am %4$s gegenüber %2$s wegen %3$s tätig geworden.",
            "Am %4$s teilte %1$s mit, dass es ein Verfahren gegen %2$s wegen %3$s eingeleitet hat.",
            List.of("Die Behörde stützt sich dabei auf %4$s.",
                    "Nach Auffassung von %1$s hat %2$s gegen %4$s verstoßen.",
                    "Maßgeblich ist %4$s, der die Pflichten zu %3$s regelt."),
            List.of("%1$s hat Unterlagen von %2$s über mehrere Monate ausgewertet.",
                    "Das Unternehmen erhielt Gelegenheit zur Stellungnahme.",
                    "%2$s kündigte an, mit der Behörde zusammenzuarbeiten.",
                    "Im Mittelpunkt stehen %3$s und die Information der Nutzerinnen und Nutzer.",
                    "Die Einleitung des Verfahrens nimmt das Ergebnis nicht vorweg.",
                    "Gegen die Entscheidung kann Beschwerde eingelegt werden.",
                    "Weitere Informationen veröffentlichte %1$s auf seiner Website."),
            "Artikel %s %s", "§ %s %s", "Teil %s %s");

    private static final Phrases FR = new Phrases("fr",
            List.of("l'évaluation des risques", "la vérification de l'âge", "les systèmes de recommandation", "le registre des publicités",
                    "l'accès des chercheurs aux données", "la protection des mineurs", "les contenus illicites", "la modération des contenus",
                    "la désinformation", "les comptes vérifiés", "le traitement des réclamations", "la publicité ciblée"),
            "%1$s : procédure visant %2$s concernant %3$s",
            "%1$s a pris le %4$s une mesure visant %2$s concernant %3$s.",
            "Le %4$s, %1$s a annoncé une procédure visant %2$s concernant %3$s.",
            List.of("L'autorité se fonde sur %4$s.",
                    "Selon %1$s, %2$s aurait enfreint %4$s.",
                    "%4$s encadre %3$s sur des services tels que %2$s."),
            List.of("%1$s a examiné les documents transmis par %2$s pendant plusieurs mois.",
                    "La société a été invitée à présenter ses observations.",
                    "%2$s a indiqué qu'elle coopérerait avec l'autorité.",
                    "L'enquête porte sur %3$s et sur l'information des utilisateurs.",
                    "L'ouverture de la procédure ne préjuge pas de son issue.",
                    "La décision peut faire l'objet d'un recours.",
                    "%1$s a publié des informations complémentaires sur son site."),
            "l'article %s du %s", "la section %s du %s", "la partie %s du %s");

    private static final Phrases PT = new Phrases("pt",
            List.of("avaliação de riscos", "verificação de idade", "sistemas de recomendação", "repositório de anúncios",
                    "acesso de investigadores aos dados", "proteção de menores", "conteúdos ilegais", "moderação de conteúdos",
                    "desinformação", "contas verificadas", "tratamento de reclamações"),
            "%1$s abre processo contra %2$s sobre %3$s",
            "%1$s tomou em %4$s uma medida contra %2$s sobre %3$s.",
            "Em %4$s, %1$s anunciou um processo contra %2$s sobre %3$s.",
            List.of("A autoridade invoca %4$s.",
                    "Segundo %1$s, %2$s pode ter violado %4$s.",
                    "%4$s regula %3$s em serviços como %2$s."),
            List.of("%1$s analisou documentos fornecidos por %2$s durante vários meses.",
                    "A empresa foi convidada a apresentar observações.",
                    "%2$s afirmou que cooperará com a autoridade.",
                    "A investigação centra-se em %3$s e na informação prestada aos utilizadores.",
                    "A abertura do processo não prejudica o seu resultado.",
                    "A decisão pode ser objeto de recurso.",
                    "%1$s publicou mais informações no seu sítio."),
            "o artigo %s.º do %s", "a secção %s do %s", "a parte %s do %s");

    static Phrases of(String language) {
        return switch (language) {
            case "de" -> DE;
            case "fr" -> FR;
            case "pt" -> PT;
            default -> EN;
        };
    }

    String title(NoticeType type, String authority, String platform, String topic) {
        String verb = switch (type) {
            case FINE -> "fines";
            case REQUEST_FOR_INFORMATION -> "sends a request for information to";
            case OPENING_OF_PROCEEDINGS -> "opens proceedings against";
            case PRELIMINARY_FINDINGS -> "sends preliminary findings to";
            case DECISION, ORDER, RETENTION_ORDER, INTERIM_MEASURES -> "issues a decision addressed to";
            case JUDGMENT -> "rules on";
            case COMMITMENTS -> "accepts commitments from";
            case DESIGNATION -> "designates";
            case STATUTE -> "passes a law affecting";
            default -> "publishes a notice on";
        };
        return SyntheticNotices.capitalized(String.format(title, authority, platform, topic, null, verb));
    }

    String summary(String authority, String platform, String topic, LocalDate date) {
        return String.format(summary, authority, platform, topic, date);
    }

    String opening(String authority, String platform, String topic, LocalDate date) {
        return String.format(opening, authority, platform, topic, date);
    }

    String citing(Random random, String authority, String platform, String topic, String citation) {
        return SyntheticNotices.capitalized(String.format(SyntheticNotices.pick(random, citing), authority, platform, topic, citation));
    }

    String sentence(Random random, String authority, String platform, String topic) {
        return SyntheticNotices.capitalized(String.format(SyntheticNotices.pick(random, sentences), authority, platform, topic));
    }

    /** How a notice in this language cites a provision: the instrument by its code or its first alias. */
    String citation(InstrumentSpec instrument, String number, Random random) {
        boolean byCode = instrument.code().matches("[A-Z]{2,5}") && (instrument.aliases().isEmpty() || random.nextBoolean());
        String name = byCode ? instrument.code() : instrument.aliases().isEmpty() ? instrument.code() : instrument.aliases().get(0);
        String pattern = switch (instrument.unit()) {
            case "section" -> section;
            case "part" -> part;
            default -> article;
        };
        // "of the 47 U.S.C." reads wrong: numbered titles and codes go without the article.
        String cited = String.format(pattern, number, name);
        return name.matches("\\d.*") ? cited.replace(" the " + name, " " + name) : cited;
    }
}
