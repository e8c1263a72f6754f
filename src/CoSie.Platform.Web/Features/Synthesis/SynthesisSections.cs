namespace CoSie.Platform.Web.Features.Synthesis;

// The fixed sections of every synthesis, each a Y.Text of this name in the document (the same list is in
// ClientApp/synthesis/sections.js, which the server's Yjs checks updates against), and their titles, wherever a
// synthesis is shown (its page, its history, a thread's quote form, the digest).
public static class SynthesisSections
{
    public const string Default = "agree";

    public static readonly IReadOnlyList<string> All = ["agree", "differ", "questions", "try"];

    public static bool IsKnown(string? section) => section is not null && All.Contains(section, StringComparer.Ordinal);

    public static string Title(IStringLocalizer localizer, string section) => section switch
    {
        "agree" => localizer["What we agree on"],
        "differ" => localizer["Where we differ"],
        "questions" => localizer["Open questions"],
        _ => localizer["What we would try"],
    };
}
