namespace CoSie.Platform.Web.Content;

public sealed record EmbedProvider(string Key, string Name, string Origin)
{
    public string Host => new Uri(Origin).Host;
}
