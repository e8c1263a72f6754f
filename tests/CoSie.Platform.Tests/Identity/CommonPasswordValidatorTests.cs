using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoSie.Platform.Tests.Identity;

public sealed class CommonPasswordValidatorTests
{
    private static readonly CommonPasswordValidator Validator = new(
        new StringLocalizer<CommonPasswordValidator>(
            new CatalogueLocalizerFactory(NullLoggerFactory.Instance)));

    private static readonly PlatformUser Margaretha = new() { Email = "margaretha.lindqvist@example.org", DisplayName = "Margaretha Lindqvist" };

    [Theory]
    // On the list as they are.
    [InlineData("1qaz2wsx3edc")]
    [InlineData("qwertyuiop123")]
    [InlineData("1234567890123")]
    // Padded with digits or symbols, or respelled.
    [InlineData("password1234")]
    [InlineData("Sunshine!!!!!!")]
    [InlineData("P@ssw0rd2026!")]
    [InlineData("2026football!!")]
    [InlineData("$uperman2026")]
    // Lengthened by a few letters.
    [InlineData("qwertyuiopas")]
    [InlineData("baseballbat1")]
    // Repeats.
    [InlineData("abcabcabcabc")]
    [InlineData("zzzzzzzzzzzz")]
    public async Task Common_passwords_and_their_padded_variants_are_refused(string password)
    {
        var result = await Validator.ValidateAsync(null!, Margaretha, password);

        Assert.Equal("PasswordTooCommon", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("the lighthouse keeps its own time")]
    [InlineData("seven tired owls at dawn")]
    [InlineData("tr0ub4dor&3xyz")]
    [InlineData("Kaamos tuli ja jäi")]
    public async Task Passphrases_pass(string password)
    {
        var result = await Validator.ValidateAsync(null!, Margaretha, password);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    [Theory]
    [InlineData("margaretha.lindqvist@example.org")]
    [InlineData("Margaretha.Lindqvist")]
    [InlineData("MargarethaLindqvist2026")]
    public async Task The_persons_own_address_or_name_is_refused(string password)
    {
        var result = await Validator.ValidateAsync(null!, Margaretha, password);

        Assert.Equal("PasswordMatchesPersonalInfo", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void The_shipped_list_holds_the_top_ten_thousand_and_more()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(CommonPasswordValidator.ResourceName);
        using var reader = new StreamReader(stream!);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(lines.Length >= 10_000, $"{lines.Length} passwords");
        Assert.Equal(["123456", "password", "12345678"], lines[..3]);
    }
}
