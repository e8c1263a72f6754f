using System.Text.RegularExpressions;

namespace CoSie.Platform.IntegrationTests.SelfHosting;

// Compose's interpolation, as far as docker-compose.yml uses it: $$, $NAME, ${NAME}, ${NAME:-default},
// ${NAME-default}, ${NAME:?message}, ${NAME?message}, ${NAME:+other} and ${NAME+other}.
public static partial class ComposeVariables
{
    public static IEnumerable<string> Referenced(string text) =>
        Reference().Matches(text).Where(m => !m.Groups["escaped"].Success).Select(m => Name(m));

    public static string Interpolate(string text, IReadOnlyDictionary<string, string> variables) =>
        Reference().Replace(text, match =>
        {
            if (match.Groups["escaped"].Success)
            {
                return "$";
            }
            var name = Name(match);
            var isSet = variables.TryGetValue(name, out var value);
            var isEmpty = string.IsNullOrEmpty(value);
            var argument = match.Groups["argument"].Value;
            return match.Groups["operator"].Value switch
            {
                "" => value ?? string.Empty,
                ":-" => isEmpty ? argument : value!,
                "-" => isSet ? value! : argument,
                ":+" => isEmpty ? string.Empty : argument,
                "+" => isSet ? argument : string.Empty,
                ":?" when isEmpty => throw new InvalidOperationException($"{name} {argument}"),
                "?" when !isSet => throw new InvalidOperationException($"{name} {argument}"),
                _ => value!,
            };
        });

    private static string Name(Match match) =>
        match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["bare"].Value;

    [GeneratedRegex(@"\$(?:(?<escaped>\$)|\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operator>:?[-?+])(?<argument>[^}]*))?\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Reference();
}
