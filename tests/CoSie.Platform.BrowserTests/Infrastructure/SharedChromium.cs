namespace CoSie.Platform.BrowserTests.Infrastructure;

// Every browser test shares one Chromium; the classes run one after another, each against its own app and database.
[CollectionDefinition(Name)]
public sealed class SharedChromium : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
