namespace CoSie.Platform.IntegrationTests.SelfHosting;

// The checkout the tests run from: the files an operator gets (Dockerfile, compose file, workflows) are read from
// there, not from copies in the build output.
public static class Repository
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    public static string PathTo(string relativePath) => System.IO.Path.Combine(Root, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathTo(relativePath));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CoSie.Platform.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No CoSie.Platform.sln above {AppContext.BaseDirectory}.");
    }
}
