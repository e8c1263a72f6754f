using System.Diagnostics;

namespace CoSie.Platform.IntegrationTests.SelfHosting;

// `./cosie publish` into a temporary folder, once for the test class: the very files the Dockerfile copies into
// the image. A Release build of the app takes a while on a small machine.
public sealed class PublishedApp : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"cosie-published-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        // No build servers: nothing of the build may outlive it, or hold on to this process's output pipes.
        var start = new ProcessStartInfo("bash", [Repository.PathTo("cosie"), "publish", Folder, "--disable-build-servers"])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The test run's own MSBuild settings are not the publish's business.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(PublishTimeout);
        try
        {
            await publish.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            publish.Kill(entireProcessTree: true);
            throw new TimeoutException($"./cosie publish took longer than {PublishTimeout}.");
        }
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"./cosie publish failed with {publish.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
        return Task.CompletedTask;
    }
}
