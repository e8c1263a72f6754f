namespace CoSie.Platform.BrowserTests.Infrastructure;

// Screenshots go to artifacts/screenshots at the repository root, where ./cosie test collects what a run leaves.
public static class Artifacts
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string ScreenshotsFolder(string testClass) => Path.Combine(Root.Value, "artifacts", "screenshots", testClass);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoSie.Platform.sln")))
            {
                return folder.FullName;
            }
        }
        // Run from a copied build output: keep the pictures next to it rather than failing the test.
        return AppContext.BaseDirectory;
    }
}
