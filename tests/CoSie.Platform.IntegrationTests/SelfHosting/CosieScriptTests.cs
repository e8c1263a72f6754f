using System.Text.RegularExpressions;

namespace CoSie.Platform.IntegrationTests.SelfHosting;

// The private clusters of ./cosie: `run` holds people's data and `bench` measures what a deployment pays for a commit,
// so only the throw-away `test` cluster may trade durability for speed.
public sealed partial class CosieScriptTests
{
    private static readonly string[] DurabilitySettings = ["fsync", "synchronous_commit", "full_page_writes"];

    private readonly string[] lines = Repository.Read("cosie").Split('\n');

    [Fact]
    public void Durability_is_relaxed_in_one_named_set_of_options_only()
    {
        var relaxing = lines.Where(line => !line.TrimStart().StartsWith('#') && RelaxedDurability().IsMatch(line)).ToList();

        var definition = Assert.Single(relaxing);
        Assert.StartsWith("TEST_CLUSTER_SPEED_OPTIONS=", definition.Trim(), StringComparison.Ordinal);
        Assert.All(DurabilitySettings, setting => Assert.Contains($"{setting}=off", definition, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_test_cluster_starts_with_the_relaxed_options()
    {
        var starts = lines.Select(line => StartCluster().Match(line)).Where(match => match.Success).ToList();
        var uses = lines.Where(line => line.Contains("$TEST_CLUSTER_SPEED_OPTIONS", StringComparison.Ordinal)).ToList();

        Assert.Equal(["bench", "run", "test"], starts.Select(match => match.Groups["name"].Value).Order(StringComparer.Ordinal));
        Assert.All(starts, match => Assert.Equal(
            match.Groups["name"].Value == "test",
            match.Value.Contains("$TEST_CLUSTER_SPEED_OPTIONS", StringComparison.Ordinal)));
        var use = Assert.Single(uses);
        Assert.Matches(StartCluster(), use);
        Assert.Contains("start_cluster test ", use, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clusters_own_start_command_sets_no_durability_setting()
    {
        var start = Assert.Single(lines, line => line.Contains("listen_addresses=", StringComparison.Ordinal));

        Assert.All(DurabilitySettings, setting => Assert.DoesNotContain(setting, start, StringComparison.Ordinal));
        Assert.Contains("${PG_EXTRA_OPTIONS:-}", start, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(fsync|synchronous_commit|full_page_writes)\s*=\s*(off|false|0)\b")]
    private static partial Regex RelaxedDurability();

    // A call of start_cluster (not its definition), with whatever assignments precede it on the line.
    [GeneratedRegex(@"^\s*(?:[A-Z_]+=(?:""[^""]*""|\S*)\s+)*start_cluster\s+(?<name>[a-z]+)\s")]
    private static partial Regex StartCluster();
}
