using BenchmarkDotNet.Attributes;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Hosting;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoSie.Platform.Microbench;

// One member's digest mail from its content: the HTML and text parts and the message, without the database or SMTP.
[MemoryDiagnoser]
public class DigestRendering
{
    private DigestEmail _email = null!;
    private DigestLetter _letter = null!;

    [GlobalSetup]
    public void Setup()
    {
        var links = new DigestLinks(new MailLinks(Options.Create(new AppOptions { PublicBaseUrl = "https://learn.example.org" }),
            new ServiceCollection().AddLogging().AddRouting().BuildServiceProvider().GetRequiredService<LinkGenerator>()));
        _email = new DigestEmail(Samples.Localizer<DigestEmail>(), links);
        var institution = InstitutionInfo.From(new Institution { Slug = "bench", Name = "Bench University", CreatedAt = Samples.Start });
        DigestPost Post(int i) => new(Guid.CreateVersion7(), i % 2 == 0 ? null : Guid.CreateVersion7(), "What made co-creation spread in your pilot?",
            $"Learner {i}", $"Excerpt {i}: co-creation spreads when people own it, and the pilot showed who was left out of the meetings.", Samples.Start.AddHours(i));
        var content = new DigestContent("Autumn cohort", "co-creation", "Co-creation of Service Innovation",
            [.. Enumerable.Range(0, 10).Select(Post)], 25, [.. Enumerable.Range(10, 5).Select(Post)], 5, [Post(20)],
            [new DigestThread(Guid.CreateVersion7(), "Who was left out?", "Aino", 12), new DigestThread(Guid.CreateVersion7(), "What would you scale?", "Bartek", 7)],
            [Post(21)], [], new DigestModule("Scaling up", "scaling"), []);
        var recipient = new DigestRecipient(Guid.CreateVersion7(), "carmen@example.org", "Carmen", TimeZoneInfo.Utc, Locale.For("en", null, null));
        _letter = new DigestLetter(institution, Guid.CreateVersion7(), recipient, content, Samples.Start.AddDays(-7),
            "https://learn.example.org/unsubscribe/token", "no-reply@example.org", "digest-1@learn.example.org");
    }

    [Benchmark]
    public MimeMessage BuildDigestMail() => _email.Build(_letter);
}
