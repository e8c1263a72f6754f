namespace CoSie.Platform.Web.Features.Synthesis;

public sealed record YjsParagraph(string Text, Dictionary<string, int> Clients);
