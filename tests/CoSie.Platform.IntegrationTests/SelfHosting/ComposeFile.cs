using YamlDotNet.RepresentationModel;

namespace CoSie.Platform.IntegrationTests.SelfHosting;

public sealed class ComposeFile
{
    public const string Path = "docker-compose.yml";

    private ComposeFile(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public static ComposeFile Load() => new(YamlDocuments.Load(Path));

    public YamlMappingNode Service(string name) =>
        Assert.IsType<YamlMappingNode>(Root.Child("services")?.Child(name), exactMatch: false);

    public IEnumerable<string> ServiceNames =>
        ((YamlMappingNode)Root.Child("services")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public IEnumerable<string> ReferencedVariables =>
        Root.Scalars().SelectMany(s => ComposeVariables.Referenced(s.Value ?? string.Empty)).Distinct();

    // The environment compose hands a service's container, after interpolating the given .env variables.
    public Dictionary<string, string> Environment(string service, IReadOnlyDictionary<string, string> variables)
    {
        var environment = Assert.IsType<YamlMappingNode>(Service(service).Child("environment"), exactMatch: false);
        return environment.Children.ToDictionary(
            c => ((YamlScalarNode)c.Key).Value!,
            c => ComposeVariables.Interpolate(((YamlScalarNode)c.Value).Value ?? string.Empty, variables),
            StringComparer.Ordinal);
    }
}
