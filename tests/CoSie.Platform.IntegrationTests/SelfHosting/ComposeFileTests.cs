using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Email;
using Json.Schema;
using Microsoft.Extensions.Configuration;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace CoSie.Platform.IntegrationTests.SelfHosting;

public sealed class ComposeFileTests
{
    // The specification names draft 7 by an https address the validator does not know; it is the same dialect.
    private static readonly Lazy<JsonSchema> ComposeSpec = new(() => JsonSchema.FromText(
        Repository.Read("tests/CoSie.Platform.IntegrationTests/SelfHosting/compose-spec.json").Replace(
            "\"https://json-schema.org/draft-07/schema\"", "\"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal)));

    private readonly ComposeFile compose = ComposeFile.Load();

    [Fact]
    public void The_compose_file_follows_the_Compose_Specification()
    {
        var errors = SchemaErrors(YamlDocuments.ToJson(compose.Root));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_schema_check_catches_a_misspelt_setting()
    {
        var document = YamlDocuments.ToJson(compose.Root)!;
        document["services"]!["app"]!["helthcheck"] = new JsonObject { ["disable"] = true };

        Assert.Contains(SchemaErrors(document), e => e.Contains("/services/app", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_file_the_compose_file_builds_from_exists()
    {
        foreach (var name in compose.ServiceNames)
        {
            var build = compose.Service(name).Child("build");
            if (build is null)
            {
                continue;
            }
            var context = build is YamlScalarNode path ? path.Value! : ((YamlScalarNode)build.Child("context")!).Value!;
            var dockerfile = (build.Child("dockerfile") as YamlScalarNode)?.Value ?? "Dockerfile";
            Assert.True(Directory.Exists(Repository.PathTo(context)), $"{name}: build context {context} is missing");
            Assert.True(File.Exists(Repository.PathTo(Path.Combine(context, dockerfile))), $"{name}: {dockerfile} is missing");
        }
        var envFiles = compose.ServiceNames.SelectMany(n => compose.Service(n).Child("env_file")?.Scalars() ?? []);
        Assert.All(envFiles, f => Assert.True(File.Exists(Repository.PathTo(f.Value!)), $"env_file {f.Value} is missing"));
    }

    [Fact]
    public void Every_variable_the_compose_file_reads_is_documented_in_env_example()
    {
        var undocumented = compose.ReferencedVariables.Except(EnvExample.Load().Documented);

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Every_setting_in_env_example_is_read_by_the_compose_file()
    {
        var unused = EnvExample.Load().Documented.Except(compose.ReferencedVariables);

        Assert.Empty(unused);
    }

    [Fact]
    public void Compose_refuses_to_start_without_a_database_password()
    {
        var variables = EnvExample.Load().Values;

        var error = Assert.Throws<InvalidOperationException>(() => compose.Environment("migrate", variables));
        Assert.StartsWith("POSTGRES_PASSWORD is not set", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => compose.Environment("postgres", variables));
        var app = Assert.Throws<InvalidOperationException>(() => compose.Environment("app", variables));
        Assert.StartsWith("COSIE_DB_APP_PASSWORD is not set", app.Message, StringComparison.Ordinal);
    }

    // Row-level security binds only a role that neither owns the tables nor is superuser: the app and its replica must
    // connect as the app's role and never hold the owner's credentials; the migration run, as the owner, creates it.
    [Fact]
    public void The_app_connects_as_its_own_role_and_never_with_the_owners_credentials()
    {
        var variables = EnvExample.Load().With(new Dictionary<string, string>
        {
            ["POSTGRES_PASSWORD"] = "owner-secret",
            ["COSIE_DB_APP_PASSWORD"] = "app-secret",
        });
        var owner = variables["POSTGRES_USER"];
        var migrate = compose.Environment("migrate", variables);

        Assert.Equal("true", migrate["Database__ProvisionAppRole"]);
        Assert.Equal(owner, new NpgsqlConnectionStringBuilder(migrate["ConnectionStrings__Migrations"]).Username);
        foreach (var service in new[] { "app", "app2" })
        {
            var environment = compose.Environment(service, variables);
            var connection = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__Default"]);
            Assert.NotEqual(owner, connection.Username);
            Assert.Equal("app-secret", connection.Password);
            Assert.Equal(migrate["ConnectionStrings__Default"], environment["ConnectionStrings__Default"]);
            Assert.False(environment.ContainsKey("ConnectionStrings__Migrations"), $"{service} holds the owner's connection");
            Assert.DoesNotContain(environment.Values, v => v.Contains("owner-secret", StringComparison.Ordinal));
        }
    }

    // Should .env name the owner as the app's role, the migration run stops rather than leave the app unbound by RLS.
    [Fact]
    public void The_migration_run_refuses_an_app_role_that_is_the_owner()
    {
        var variables = EnvExample.Load().With(new Dictionary<string, string>
        {
            ["POSTGRES_PASSWORD"] = "owner-secret",
            ["COSIE_DB_APP_PASSWORD"] = "owner-secret",
            ["COSIE_DB_APP_USER"] = EnvExample.Load().Values["POSTGRES_USER"],
        });
        var settings = compose.Environment("migrate", variables)
            .ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new DatabaseConnections(configuration));
        Assert.Contains("ProvisionAppRole", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_starts_after_the_migration_run_has_succeeded_and_does_not_migrate_itself()
    {
        var app = compose.Service("app");
        var migrate = compose.Service("migrate");
        var variables = EnvExample.Load().With(new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "secret", ["COSIE_DB_APP_PASSWORD"] = "app" });

        Assert.Equal("service_completed_successfully", Scalar(app.Child("depends_on")?.Child("migrate")?.Child("condition")));
        Assert.Equal("service_healthy", Scalar(migrate.Child("depends_on")?.Child("postgres")?.Child("condition")));
        Assert.Equal(["migrate"], migrate.Child("command")!.Scalars().Select(s => s.Value));
        Assert.Equal(Scalar(app.Child("image")), Scalar(migrate.Child("image")));
        Assert.Equal("false", compose.Environment("app", variables)["Database__MigrateOnStartup"]);
        Assert.Equal(
            "Host=postgres;Port=5432;Database=cosie;Username=cosie;Password=secret",
            compose.Environment("migrate", variables)["ConnectionStrings__Migrations"]);
    }

    // An operator can change only what compose passes on: every mail setting the app reads reaches the app from .env,
    // with .env.example's values equal to the app's own defaults. The pickup folder is the image's (Dockerfile).
    [Fact]
    public void The_app_gets_every_mail_setting_from_env_with_the_apps_defaults()
    {
        var variables = EnvExample.Load().With(new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "secret", ["COSIE_DB_APP_PASSWORD"] = "app" });
        var environment = compose.Environment("app", variables);
        var defaults = new EmailOptions();

        foreach (var setting in typeof(EmailOptions).GetProperties().Where(p => p.Name != nameof(EmailOptions.PickupDirectory)))
        {
            var name = $"{EmailOptions.Section}__{setting.Name}";
            Assert.True(environment.ContainsKey(name), $"{name} is not passed to the app");
            Assert.Equal(Convert.ToString(setting.GetValue(defaults), CultureInfo.InvariantCulture) ?? "", environment[name]);
        }
    }

    [Fact]
    public void PostgreSQL_is_reachable_on_an_internal_network_only()
    {
        var postgres = compose.Service("postgres");

        Assert.Null(postgres.Child("ports"));
        Assert.All(postgres.Child("networks")!.Scalars(), network =>
            Assert.Equal("true", Scalar(compose.Root.Child("networks")?.Child(network.Value!)?.Child("internal"))));
        Assert.StartsWith("postgres:17", Scalar(postgres.Child("image")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_mail_catcher_runs_only_in_the_dev_profile()
    {
        Assert.Equal(["dev"], compose.Service("mailpit").Child("profiles")!.Scalars().Select(s => s.Value));
        Assert.All(["postgres", "migrate", "app"], name => Assert.Null(compose.Service(name).Child("profiles")));
    }

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    private static List<string> SchemaErrors(JsonNode? document)
    {
        var results = ComposeSpec.Value.Evaluate(
            JsonSerializer.SerializeToElement(document),
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? [results])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({d.EvaluationPath})"))];
    }
}
