namespace CoSie.Platform.Tests;

internal static class TestAssets
{
    public const string SeedFileName = "spreading-co-creation.wp-rest.json";

    public static byte[] Seed() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Assets", SeedFileName));
}
