namespace CoSie.Platform.Web.Features.Synthesis;

// What a live update is, read without the stored document: the client ids whose items it carries and how many
// characters it adds at most (inserted less deleted); or why it is refused (malformed, unknown-section, not-text).
public sealed record YjsCheck(string? Error, List<double>? Clients, int Grows)
{
    public bool Accepted => Error is null;
}
