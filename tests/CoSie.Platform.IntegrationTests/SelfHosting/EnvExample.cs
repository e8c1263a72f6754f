using System.Text.RegularExpressions;

namespace CoSie.Platform.IntegrationTests.SelfHosting;

// .env.example as compose reads a copy of it: NAME=value lines; `# NAME=value` documents a setting left unset.
public sealed partial class EnvExample
{
    private EnvExample(IReadOnlyDictionary<string, string> values, IReadOnlySet<string> documented)
    {
        Values = values;
        Documented = documented;
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    public IReadOnlySet<string> Documented { get; }

    public static EnvExample Load()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Repository.PathTo(".env.example")))
        {
            var match = Setting().Match(line);
            if (!match.Success)
            {
                continue;
            }
            var name = match.Groups["name"].Value;
            documented.Add(name);
            if (!match.Groups["comment"].Success)
            {
                values[name] = match.Groups["value"].Value.Trim().Trim('"');
            }
        }
        return new EnvExample(values, documented);
    }

    // The variables compose would see after `cp .env.example .env` and the given edits.
    public IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> edits)
    {
        var variables = new Dictionary<string, string>(Values, StringComparer.Ordinal);
        foreach (var (name, value) in edits)
        {
            variables[name] = value;
        }
        return variables;
    }

    [GeneratedRegex(@"^(?<comment>#\s*)?(?<name>[A-Z][A-Z0-9_]*)=(?<value>.*)$")]
    private static partial Regex Setting();
}
