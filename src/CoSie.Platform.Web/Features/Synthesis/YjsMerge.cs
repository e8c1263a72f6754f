namespace CoSie.Platform.Web.Features.Synthesis;

// What Yjs made of an update or an edit: the new document (State), the snapshot a form carries (Snapshot), the text of
// each section, the sections it changed and the client ids whose items it carried; or the reason it was refused.
public sealed record YjsMerge(
    string? Error, string? State, string? Snapshot, Dictionary<string, string>? Texts, List<string>? Sections, List<double>? Clients, string? Update)
{
    public bool Accepted => Error is null;

    public byte[] StateBytes => Convert.FromBase64String(State ?? string.Empty);
}
