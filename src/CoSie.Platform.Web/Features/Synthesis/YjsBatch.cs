namespace CoSie.Platform.Web.Features.Synthesis;

// What Yjs made of several live updates merged at once: the new document and its texts, and for each update, in order,
// its refusal or the sections it changed.
public sealed record YjsBatch(string? State, Dictionary<string, string> Texts, List<YjsBatchResult> Results)
{
    public byte[] StateBytes => Convert.FromBase64String(State ?? string.Empty);
}
