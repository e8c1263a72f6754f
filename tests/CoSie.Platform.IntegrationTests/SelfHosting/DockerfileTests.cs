using System.Text.RegularExpressions;

namespace CoSie.Platform.IntegrationTests.SelfHosting;

public sealed partial class DockerfileTests
{
    private readonly List<Instruction> instructions = Parse(Repository.Read("Dockerfile"));

    [Fact]
    public void Base_images_are_pinned_to_a_version_never_latest()
    {
        var images = instructions.Where(i => i.Name == "FROM").Select(i => i.Arguments.Split(' ')[0]).ToList();

        Assert.Equal(2, images.Count);
        Assert.All(images, image =>
        {
            var tag = image.Contains(':', StringComparison.Ordinal) ? image[(image.LastIndexOf(':') + 1)..] : string.Empty;
            Assert.Matches(@"^\d+\.\d+", tag);
            Assert.DoesNotContain("latest", tag, StringComparison.Ordinal);
        });
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", images[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", images[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_runs_as_a_non_root_user()
    {
        var runtimeStage = instructions.SkipWhile(i => !i.Arguments.EndsWith("AS runtime", StringComparison.Ordinal)).ToList();
        var user = Assert.Single(runtimeStage, i => i.Name == "USER").Arguments;

        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        Assert.True(runtimeStage.FindIndex(i => i.Name == "USER") > runtimeStage.FindLastIndex(i => i.Name is "RUN" or "COPY"),
            "Nothing may run as root after the switch to the app user; the USER line comes after every RUN and COPY.");
    }

    [Fact]
    public void The_image_checks_its_health_with_the_apps_own_command_and_starts_the_app()
    {
        var healthcheck = Assert.Single(instructions, i => i.Name == "HEALTHCHECK").Arguments;

        Assert.Contains("""CMD ["dotnet", "CoSie.Platform.Web.dll", "healthcheck"]""", healthcheck, StringComparison.Ordinal);
        Assert.Equal("""["dotnet", "CoSie.Platform.Web.dll"]""", Assert.Single(instructions, i => i.Name == "ENTRYPOINT").Arguments);
        Assert.Contains(instructions, i => i.Name == "ENV" && i.Arguments.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
    }

    [Fact]
    public void Restore_runs_on_project_files_alone_so_its_layer_survives_source_edits()
    {
        var restore = instructions.FindIndex(i => i.Name == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var copiesBefore = instructions.Take(restore).Where(i => i.Name == "COPY").SelectMany(i => i.Sources).ToList();

        Assert.True(restore > 0);
        Assert.All(copiesBefore, source => Assert.Matches(@"(\.csproj|\.props|global\.json)$", source));
    }

    [Fact]
    public void Every_file_the_build_copies_exists_and_is_not_ignored()
    {
        var ignored = File.ReadAllLines(Repository.PathTo(".dockerignore"))
            .Select(l => l.Trim().TrimEnd('/'))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
        var sources = instructions.Where(i => i.Name == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).SelectMany(i => i.Sources);

        Assert.All(sources, source =>
        {
            var path = source.TrimEnd('/');
            Assert.True(File.Exists(Repository.PathTo(path)) || Directory.Exists(Repository.PathTo(path)), $"{source} does not exist");
            Assert.DoesNotContain(path.Split('/')[0], ignored);
        });
    }

    [Fact]
    public void Secrets_stay_out_of_the_image_and_its_build_context()
    {
        Assert.DoesNotContain(instructions, i => i.Name is "ENV" or "ARG" && SecretName().IsMatch(i.Arguments));
        Assert.Contains(".env", File.ReadAllLines(Repository.PathTo(".dockerignore")));
    }

    private static List<Instruction> Parse(string dockerfile)
    {
        var joined = dockerfile.Replace("\\\n", " ", StringComparison.Ordinal);
        return [.. joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => InstructionLine().Match(line))
            .Select(m => new Instruction(m.Groups["name"].Value.ToUpperInvariant(), Whitespace().Replace(m.Groups["arguments"].Value.Trim(), " ")))];
    }

    private sealed record Instruction(string Name, string Arguments)
    {
        // COPY's sources: every argument but the last (the destination) and the --flags.
        public IEnumerable<string> Sources => Arguments.Split(' ').Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1);
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)\s+(?<arguments>.*)$")]
    private static partial Regex InstructionLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("PASSWORD|SECRET|TOKEN|ConnectionStrings", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
