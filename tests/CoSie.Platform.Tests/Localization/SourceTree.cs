namespace CoSie.Platform.Tests.Localization;

// The checked-out source the suite runs from: the catalogue checks read the code itself.
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string Web => Path.Combine(Root, "src", "CoSie.Platform.Web");

    public static string Catalogue => Path.Combine(Web, "Localization");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoSie.Platform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The tests run outside the source tree: no CoSie.Platform.sln above " + AppContext.BaseDirectory);
    }
}
