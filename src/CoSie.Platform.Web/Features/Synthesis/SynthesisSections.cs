namespace CoSie.Platform.Web.Features.Synthesis;

// The fixed sections of every synthesis, each a Y.Text of this name in the document (the same list is in
// ClientApp/synthesis/sections.js, which the server's Yjs checks updates against).
public static class SynthesisSections
{
    public static readonly IReadOnlyList<string> All = ["agree", "differ", "questions", "try"];

    public static bool IsKnown(string? section) => section is not null && All.Contains(section, StringComparer.Ordinal);
}
