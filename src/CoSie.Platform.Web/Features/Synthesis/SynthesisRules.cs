namespace CoSie.Platform.Web.Features.Synthesis;

// The limits a synthesis keeps to, in one place for the hub, the forms and the quotes.
public static class SynthesisRules
{
    // All sections together, in characters: several pages of prose, far from what Yjs on the server handles quickly.
    public const int MaxLength = 20_000;

    // One live update, in bytes. Typing sends a few dozen; a larger paste fits; a hub message is at most 32 KiB.
    public const int MaxUpdateBytes = 16 * 1024;

    public const int MaxQuoteLength = 400;
    public const int MaxReasonLength = ModerationAction.MaxReasonLength;

    // A change starts a new revision of the history when the last one is older than this.
    public static readonly TimeSpan RevisionEvery = TimeSpan.FromMinutes(10);

    // Plain text (rendered encoded); line breaks kept, other control characters dropped, Windows line ends unified.
    public static string Clean(string? value) =>
        new string((value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Where(c => !char.IsControl(c) || c == '\n').ToArray());
}
