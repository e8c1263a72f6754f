using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

// The words with which courses announce their questions and tasks, per platform language. The phrases come from the
// course pages in tests/CoSie.Platform.Tests/Courses/Import/Corpus and from the pages the importer was first written
// for; each language has the same kinds of cue, so a phrase added to one language should be looked for in the others.
// Phrases are compared after Normalize: case, accents kept, punctuation, emoji and numbering ignored.
internal static partial class PromptCueCatalogue
{
    private const int MaxAnnouncementLength = 120;

    private static readonly CueLanguage[] Languages =
    [
        new(
            "en",
            Questions:
            [
                "questions to consider", "things to think about", "think about it", "think about this", "food for thought",
                "pause and reflect", "stop and think", "stop and reflect", "over to you", "your turn", "discussion questions",
                "questions for discussion", "discussion", "check your understanding", "self check", "self assessment",
                "quick self assessment", "test your understanding",
            ],
            Tasks: ["challenge", "activity", "activities", "exercise", "exercises", "try it", "try it yourself", "practice"],
            Study: ["review self study", "review and self study"],
            CueSentences: ["think about", "think back", "think of", "ask yourself"],
            TaskVerbs:
            [
                "do", "try", "take", "look", "find", "research", "revisit", "discuss", "write", "list", "describe", "explain",
                "compare", "explore", "draw", "search", "note", "sketch", "share", "map",
            ],
            CommentInvitations: ["in the comments", "let us know", "tell us", "leave a comment", "comment below"],
            Feedback:
            [
                "helpful", "this course", "this lesson", "this module", "this page", "would you like to learn",
                "would you like to see", "like to learn", "feedback", "how did we do", "rate this", "did you enjoy",
            ]),
        new(
            "fi",
            Questions:
            [
                "pohdittavaa", "pohdi", "pohdintaa", "pohdintatehtävä", "pohdintatehtävät", "pohdintakysymykset",
                "kysymyksiä pohdittavaksi", "pysähdy ja pohdi", "mieti", "itsearviointi", "nopea itsearviointi",
                "keskustelukysymykset", "keskusteltavaa",
            ],
            Tasks: ["haaste", "harjoitus", "harjoitukset", "kokeile"],
            Study: ["kertaus ja itseopiskelu", "katsaus ja itseopiskelu"],
            CueSentences: ["pohdi", "mieti", "ajattele"],
            TaskVerbs: ["kokeile", "etsi", "selvitä", "kirjoita", "keskustele", "tutki", "vertaa", "kuvaile", "selitä", "piirrä"],
            CommentInvitations: ["kommenteissa", "kommentoi", "kerro meille"],
            Feedback: ["hyödyllinen", "hyödyllistä", "tästä kurssista", "tästä oppitunnista", "palautetta"]),
        new(
            "sv",
            Questions:
            [
                "reflektera", "reflektion", "reflektionsfrågor", "frågor att reflektera över", "pausa och reflektera",
                "tänk på detta", "fundera på detta", "att fundera på", "diskussionsfrågor", "snabb självtest",
                "testa din förståelse", "självtest",
            ],
            Tasks: ["utmaning", "övning", "övningar", "aktivitet", "prova själv"],
            Study: ["granskning självstudier", "repetition och självstudier"],
            CueSentences: ["fundera", "tänk på", "tänk efter", "reflektera över"],
            TaskVerbs: ["prova", "sök", "gör", "skriv", "diskutera", "jämför", "förklara", "beskriv", "rita", "titta"],
            CommentInvitations: ["i kommentarerna", "kommentera", "berätta för oss"],
            Feedback: ["hjälpsam", "användbar", "den här kursen", "den här lektionen", "återkoppling"]),
        new(
            "et",
            Questions:
            [
                "mõtle", "mõtisklemiseks", "mõtlemiseks", "refleksioon", "arutelu küsimused", "küsimused aruteluks",
                "peatu ja mõtle", "enesekontroll",
            ],
            Tasks: ["väljakutse", "harjutus", "harjutused", "tegevus"],
            Study: ["ülevaade ja iseseisev õppimine"],
            CueSentences: ["mõtle", "mõelge"],
            TaskVerbs: ["vaadake", "proovige", "otsige", "kirjutage", "võrrelge", "kirjeldage", "selgitage", "uurige", "joonistage"],
            CommentInvitations: ["kommentaarides", "andke teada"],
            Feedback: ["kasulik", "see kursus", "see õppetund", "tagasiside"]),
        new(
            "pl",
            Questions:
            [
                "do przemyślenia", "pytania do refleksji", "pytania do przemyślenia", "refleksja", "zastanów się", "pomyśl",
                "pytania do dyskusji", "sprawdź się", "sprawdź swoją wiedzę",
            ],
            Tasks: ["wyzwanie", "ćwiczenie", "ćwiczenia", "aktywność", "zadanie do wykonania"],
            Study: ["przegląd i samodzielna nauka", "powtórka i samodzielna nauka"],
            CueSentences: ["zastanów się", "pomyśl", "przemyśl"],
            TaskVerbs: ["spróbuj", "poszukaj", "spójrz", "napisz", "porównaj", "opisz", "wyjaśnij", "zbadaj", "narysuj", "naszkicuj"],
            CommentInvitations: ["w komentarzach", "daj nam znać", "napisz nam"],
            Feedback: ["pomocny", "pomocna", "przydatny", "ten kurs", "ta lekcja", "opinia"]),
        new(
            "hu",
            Questions:
            [
                "gondolkodj el", "gondold át", "reflexió", "kérdések átgondolásra", "elgondolkodtató kérdések",
                "megbeszélendő kérdések", "önellenőrzés",
            ],
            Tasks: ["kihívás", "gyakorlat", "gyakorlatok", "tevékenység"],
            Study: ["áttekintés és önálló tanulás", "ismétlés és önálló tanulás"],
            CueSentences: ["gondold át", "gondolkodj el", "gondolj"],
            TaskVerbs: ["nézd", "próbáld", "keress", "írd", "írj", "hasonlítsd", "magyarázd", "rajzold", "merülj"],
            CommentInvitations: ["kommentben", "hozzászólásban", "írd meg nekünk"],
            Feedback: ["hasznos", "ez a kurzus", "ez a lecke", "visszajelzés"]),
        new(
            "nl",
            Questions:
            [
                "reflectie", "reflectievragen", "vragen ter reflectie", "denk na", "om over na te denken",
                "stop en reflecteer", "discussievragen", "zelftoets",
            ],
            Tasks: ["uitdaging", "oefening", "oefeningen", "activiteit"],
            Study: ["herziening zelfstudie", "herhaling en zelfstudie"],
            CueSentences: ["denk na", "denk aan", "denk eens", "bedenk"],
            TaskVerbs: ["bekijk", "probeer", "zoek", "schrijf", "vergelijk", "beschrijf", "leg", "onderzoek", "teken"],
            CommentInvitations: ["in de reacties", "laat het ons weten", "vertel ons"],
            Feedback: ["nuttig", "behulpzaam", "deze cursus", "deze les", "feedback"]),
        new(
            "it",
            Questions:
            [
                "spunti di riflessione", "riflessione", "rifletti", "domande per riflettere", "domande di riflessione",
                "pensaci", "per riflettere", "domande per la discussione", "verifica la comprensione",
            ],
            Tasks: ["sfida", "attività", "esercizio", "esercizi"],
            Study: ["revisione studio autonomo", "ripasso studio autonomo"],
            CueSentences: ["pensa", "rifletti", "prova a pensare"],
            TaskVerbs: ["fai", "prova", "cerca", "dai", "scrivi", "confronta", "descrivi", "spiega", "approfondisci", "disegna"],
            CommentInvitations: ["nei commenti", "facci sapere", "raccontaci"],
            Feedback: ["utile", "questo corso", "questa lezione", "feedback"]),
        new(
            "es",
            Questions:
            [
                "preguntas para reflexionar", "reflexión", "reflexiona", "para reflexionar", "piensa en esto",
                "preguntas de reflexión", "preguntas para la discusión", "comprueba tu comprensión",
            ],
            Tasks: ["desafío", "reto", "actividad", "ejercicio", "ejercicios"],
            Study: ["revisión y autoestudio", "repaso y autoestudio"],
            CueSentences: ["piensa", "reflexiona"],
            TaskVerbs: ["echa", "prueba", "busca", "haz", "escribe", "compara", "describe", "explica", "investiga", "dibuja"],
            CommentInvitations: ["en los comentarios", "déjanos saber", "cuéntanos"],
            Feedback: ["útil", "este curso", "esta lección", "comentarios sobre el curso"]),
        new(
            "el",
            Questions:
            [
                "αναστοχασμός", "ερωτήσεις αναστοχασμού", "σκεφτείτε", "σκέψου", "για σκέψη", "ερωτήσεις για συζήτηση",
                "ερωτήσεις για προβληματισμό", "αυτοαξιολόγηση",
            ],
            Tasks: ["πρόκληση", "δραστηριότητα", "άσκηση", "ασκήσεις"],
            Study: ["ανασκόπηση αυτομελέτη", "επανάληψη και αυτομελέτη"],
            CueSentences: ["σκεφτείτε", "σκέψου"],
            TaskVerbs: ["ρίξτε", "δοκιμάστε", "ψάξτε", "γράψτε", "συγκρίνετε", "περιγράψτε", "εξηγήστε", "ερευνήστε", "σχεδιάστε"],
            CommentInvitations: ["στα σχόλια", "πείτε μας"],
            Feedback: ["χρήσιμο", "χρήσιμη", "αυτό το μάθημα", "σχόλια για το μάθημα"]),
    ];

    // Signs courses put before their questions; 🤔 and 📝 count only inside callouts, where the callout rule reads them.
    private static readonly string[] Markers = ["✅", "☑", "✔", "❓", "❔", "💭"];

    private static readonly FrozenDictionary<string, PromptCueTier> Headings = BuildHeadings();
    private static readonly FrozenSet<string> TaskVerbs = Languages.SelectMany(l => l.TaskVerbs.Concat(l.CueSentences.Select(FirstWord))).Select(Normalize).ToFrozenSet(StringComparer.Ordinal);
    private static readonly string[] CueSentences = Languages.SelectMany(l => l.CueSentences).Select(Normalize).Distinct(StringComparer.Ordinal).ToArray();
    private static readonly string[] CommentInvitations = Languages.SelectMany(l => l.CommentInvitations).Select(Normalize).ToArray();
    private static readonly string[] Feedback = Languages.SelectMany(l => l.Feedback).Select(Normalize).ToArray();

    // A heading or bold line that announces prompts, and how much of what follows it gives.
    public static PromptCueTier? HeadingTier(string text)
    {
        if (text.Length == 0 || text.Length > MaxAnnouncementLength)
        {
            return null;
        }

        if (EnglishQuestionsAnnouncement().IsMatch(text.Trim()))
        {
            return PromptCueTier.Questions;
        }

        return Headings.TryGetValue(Normalize(text), out var tier) ? tier : null;
    }

    // A bold label before a colon ("Pause and reflect:") that makes what follows it prompts.
    public static bool IsLabel(string text) => HeadingTier(text) == PromptCueTier.Questions;

    // The thinking cue a paragraph opens with, as the paragraph wrote it; null when it opens otherwise.
    public static string? CueSentence(string text)
    {
        var normalized = Normalize(text);
        foreach (var cue in CueSentences)
        {
            if (normalized.StartsWith(cue, StringComparison.Ordinal)
                && (normalized.Length == cue.Length || normalized[cue.Length] == ' '))
            {
                return string.Join(' ', text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(cue.Split(' ').Length));
            }
        }

        return null;
    }

    // Greek asks with ";" (U+037E, or the semicolon it normalises to); other languages with "?".
    public static bool AsksQuestion(string text) =>
        text.Contains('?', StringComparison.Ordinal) || text.Contains('\u037E', StringComparison.Ordinal)
        || (text.Contains(';', StringComparison.Ordinal) && IsGreek(text));

    public static bool EndsWithQuestion(string text)
    {
        var trimmed = text.TrimEnd(' ', '\u00A0', '"', '\'', '”', '’', '»', ')', ']');
        return trimmed.Length > 0 && (trimmed[^1] is '?' or '\u037E' || (trimmed[^1] == ';' && IsGreek(trimmed)));
    }

    // Where the last question of a text ends.
    public static int LastQuestionMark(string text) =>
        IsGreek(text) ? text.LastIndexOfAny(['?', ';', '\u037E']) : text.LastIndexOf('?');

    public static bool StartsWithTaskVerb(string text) => TaskVerbs.Contains(FirstWord(Normalize(text)));

    public static bool InvitesComments(string text) => ContainsPhrase(Normalize(text), CommentInvitations);

    public static bool AsksForFeedback(string text) => ContainsPhrase(Normalize(text), Feedback);

    // The marker a text opens with ("✅ Think…"), and the text after it.
    public static bool StartsWithMarker(string text, out string marker, out string rest)
    {
        var trimmed = text.TrimStart();
        foreach (var candidate in Markers)
        {
            if (trimmed.StartsWith(candidate, StringComparison.Ordinal))
            {
                marker = candidate;
                rest = trimmed[candidate.Length..].TrimStart('\uFE0F', ' ', '\u00A0');
                return true;
            }
        }

        marker = string.Empty;
        rest = text;
        return false;
    }

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture))
        {
            builder.Append(char.IsLetterOrDigit(character) ? character : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

        // "Reflection 2", "1. Reflection": numbering is not part of the cue.
        while (words.Count > 0 && words[^1].All(char.IsDigit))
        {
            words.RemoveAt(words.Count - 1);
        }

        while (words.Count > 0 && words[0].All(char.IsDigit))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    private static bool IsGreek(string text) => text.Any(character => character is >= '\u0370' and <= '\u03FF');

    private static FrozenDictionary<string, PromptCueTier> BuildHeadings()
    {
        var headings = new Dictionary<string, PromptCueTier>(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            Add(language.Questions, PromptCueTier.Questions);
            Add(language.Tasks, PromptCueTier.Tasks);
            Add(language.Study, PromptCueTier.Study);
        }

        return headings.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(IEnumerable<string> phrases, PromptCueTier tier)
        {
            foreach (var phrase in phrases)
            {
                headings.TryAdd(Normalize(phrase), tier);
            }
        }
    }

    private static string FirstWord(string normalized)
    {
        var space = normalized.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? normalized : normalized[..space];
    }

    private static bool ContainsPhrase(string normalized, string[] phrases)
    {
        var padded = " " + normalized + " ";
        return phrases.Any(phrase => padded.Contains(" " + phrase + " ", StringComparison.Ordinal));
    }

    // The English announcements the importer has understood from the start, in every phrasing seen so far.
    [GeneratedRegex(
        @"^(?:please\s+)?(?:" +
        @"reflect(?:\s+(?:up)?on)?(?:\s+(?:the\s+following(?:\s+(?:questions?|points?))?|these\s+questions?|this|that))?" +
        @"|(?:reflective|reflection)\s+(?:exercises?|questions?|tasks?|activity|activities|points?|prompts?)" +
        @"|(?:self[-\s])?reflections?" +
        @"|(?:for|time\s+(?:to|for))\s+(?:further\s+)?reflect(?:ion)?" +
        @"|stop\s+and\s+reflect" +
        @"|questions?\s+(?:for|to\s+guide)\s+(?:further\s+|your\s+)?reflection" +
        @"|questions?\s+to\s+(?:consider|reflect\s+(?:up)?on)" +
        @")(?:\s+\d+)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishQuestionsAnnouncement();

    private sealed record CueLanguage(
        string Code,
        string[] Questions,
        string[] Tasks,
        string[] Study,
        string[] CueSentences,
        string[] TaskVerbs,
        string[] CommentInvitations,
        string[] Feedback);
}
