namespace CoSie.Platform.BrowserTests.Infrastructure;

public static class TestAssets
{
    public const string SeedFileName = "spreading-co-creation.wp-rest.json";

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Assets", fileName);
}
