using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Digests;

// A cohort's digest goes out to each member in their own language and formats, from the same job run.
public sealed class DigestLanguageTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    [Fact]
    public async Task Each_member_reads_the_digest_in_their_own_language()
    {
        var cohort = await factory.CohortAsync("Languages", postFirst: false);
        var finn = await factory.PersonAsync(cohort, "Fanni Finn");
        var pole = await factory.PersonAsync(cohort, "Paweł Pole");
        var plain = await factory.PersonAsync(cohort, "Nina None");
        await factory.UpdateUserAsync(finn.Email!, u => u.Language = "fi");
        await factory.UpdateUserAsync(pole.Email!, u => u.Language = "pl");
        var writer = await factory.PersonAsync(cohort, "Wanda Writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "News for everyone.");

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        var finnish = Assert.Single(factory.Mail.To(finn.Email!));
        var polish = Assert.Single(factory.Mail.To(pole.Email!));
        var english = Assert.Single(factory.Mail.To(plain.Email!));
        Assert.Contains("<html lang=\"fi\"", finnish.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"pl\"", polish.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(Translations.Of("fi", "{count, plural, one {# new reflection} other {# new reflections}}", 1), finnish.Subject, StringComparison.Ordinal);
        Assert.Contains(Translations.Of("pl", "{count, plural, one {# new reflection} other {# new reflections}}", 1), polish.Subject, StringComparison.Ordinal);
        Assert.Contains("1 new reflection", english.Subject, StringComparison.Ordinal);
        Assert.Contains(Translations.Of("fi", "Read and reply"), finnish.HtmlBody, StringComparison.Ordinal);
    }
}
