using YamlDotNet.RepresentationModel;

namespace CoSie.Platform.IntegrationTests.SelfHosting;

public sealed class WorkflowTests
{
    public static TheoryData<string> Workflows() =>
        [.. Directory.GetFiles(Repository.PathTo(".github/workflows"), "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Workflows))]
    public void A_workflow_is_valid_YAML_with_triggers_and_jobs(string file)
    {
        var workflow = YamlDocuments.Load($".github/workflows/{file}");

        Assert.NotNull(workflow.Child("on"));
        Assert.NotEmpty(Assert.IsType<YamlMappingNode>(workflow.Child("jobs")).Children);
    }

    [Fact]
    public void CI_runs_what_the_README_tells_people_to_run()
    {
        Assert.Contains("./cosie test", Commands("ci.yml"));
    }

    [Fact]
    public void The_docker_workflow_starts_the_compose_file_and_asks_the_app_for_health_and_the_demo_institution()
    {
        var commands = string.Join('\n', Commands("docker.yml"));

        Assert.Contains("cp .env.example .env", commands, StringComparison.Ordinal);
        Assert.Contains("set_env COSIE_DEMO_SEED true", commands, StringComparison.Ordinal);
        Assert.Contains("docker compose build", commands, StringComparison.Ordinal);
        Assert.Contains("docker compose up -d --wait", commands, StringComparison.Ordinal);
        Assert.Contains("http://localhost:8080/healthz", commands, StringComparison.Ordinal);
        Assert.Contains("http://localhost:8080/cosie", commands, StringComparison.Ordinal);
        Assert.Contains("docker compose down -v", commands, StringComparison.Ordinal);
    }

    private static List<string> Commands(string file) =>
        [.. YamlDocuments.Load($".github/workflows/{file}").Child("jobs")!.Scalars()
            .Where(s => s.Value is not null)
            .SelectMany(s => s.Value!.Split('\n'))
            .Select(line => line.Trim())];
}
