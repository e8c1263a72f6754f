namespace CoSie.Platform.Web.Features.Synthesis;

// A document read as text: each section's text, its paragraphs with characters per Yjs client id, the state vector, and the
// snapshot a section's form carries so that the server can place the edit made in it.
public sealed record YjsReading(Dictionary<string, string> Texts, Dictionary<string, List<YjsParagraph>> Paragraphs, string Vector, string Snapshot);
