using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Cohorts;

public sealed partial class RosterUploadTests(CohortFactory factory) : IClassFixture<CohortFactory>
{
    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static Dictionary<int, string> Outcomes(IHtmlDocument document) =>
        document.QuerySelectorAll("table.roster-results tbody tr")
            .ToDictionary(r => int.Parse(r.Children[0].TextContent, System.Globalization.CultureInfo.InvariantCulture), r => r.Children[3].TextContent);

    private async Task<(Cohort Cohort, HttpClient Client, string Url)> CohortWithManagerAsync(string name)
    {
        var cohort = await factory.CohortAsync(name);
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        return (cohort, client, factory.Url($"/cohorts/{cohort.Id}/roster"));
    }

    [Fact]
    public async Task Each_row_gets_its_own_outcome_and_only_new_valid_people_are_invited()
    {
        var (cohort, client, url) = await CohortWithManagerAsync("Mixed roster");
        var member = await factory.PersonInCohortAsync(cohort, CohortRole.Learner);
        await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            db.CohortInvitations.Add(new CohortInvitation { CohortId = cohort.Id, Email = "pending@x.test", Role = CohortRole.Learner, CreatedAt = factory.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var csv = $"""
            email,name,role
            new.learner@x.test,Nea Learner,
            New.Instructor@X.test,Ivo Instructor,Instructor
            not-an-address,Broken,learner
            new.learner@x.test,Nea Again,learner
            {member.Email},Already In,learner
            pending@x.test,Pat Pending,observer
            odd@x.test,Odd Role,teacher
            """;

        using var response = await client.UploadRosterAsync(url, Csv(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcomes = Outcomes(await response.ParseAsync());
        Assert.Equal(7, outcomes.Count);
        Assert.Equal("Invited", outcomes[2]);
        Assert.Equal("Invited", outcomes[3]);
        Assert.Contains("not a valid e-mail address", outcomes[4], StringComparison.Ordinal);
        Assert.Contains("earlier row", outcomes[5], StringComparison.Ordinal);
        Assert.Contains("already a member", outcomes[6], StringComparison.Ordinal);
        Assert.Contains("Already invited", outcomes[7], StringComparison.Ordinal);
        Assert.Contains("role must be", outcomes[8], StringComparison.Ordinal);

        var invitations = await factory.InvitationsOfAsync(cohort.Id);
        Assert.Equal(["new.instructor@x.test", "new.learner@x.test", "pending@x.test"], invitations.Select(i => i.Email).Order());
        Assert.Equal(CohortRole.Instructor, invitations.Single(i => i.Email == "new.instructor@x.test").Role);
        Assert.Equal(CohortRole.Learner, invitations.Single(i => i.Email == "new.learner@x.test").Role);
        Assert.Equal("Nea Learner", invitations.Single(i => i.Email == "new.learner@x.test").Name);
        await factory.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "pending@x.test"));

        var page = await client.GetDocumentAsync(url);
        var pending = page.QuerySelectorAll("#pending + table tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Contains("new.learner@x.test", pending);
    }

    [Fact]
    public async Task The_invitation_mail_carries_a_working_link_that_gives_the_invited_role()
    {
        var (cohort, client, url) = await CohortWithManagerAsync("Mailed roster");
        var address = $"{Guid.NewGuid():N}@invited.test";

        using var response = await client.UploadRosterAsync(url, Csv($"{address};Ivy <Invited>;instructor\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var mail = await factory.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == address));
        Assert.Contains("Mailed roster", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Ivy &lt;Invited&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<Invited>", mail.HtmlBody, StringComparison.Ordinal);
        var link = JoinLink().Match(mail.TextBody ?? string.Empty).Value;
        // App:PublicBaseUrl (its default in tests), not the request's host.
        Assert.StartsWith($"http://localhost:5000/{factory.A.Slug}/join/{cohort.InviteCode}?invitation=", link, StringComparison.Ordinal);
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), mail.HtmlBody, StringComparison.Ordinal);

        var invited = await factory.UserAsync(address.ToUpperInvariant());
        var invitedClient = await factory.CreateClientAsAsync(invited);
        var path = new Uri(link).PathAndQuery;
        var page = await invitedClient.GetDocumentAsync(path);
        Assert.Contains("instructor", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var joined = await invitedClient.SubmitAsync(path, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var member = Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == invited.Id);
        Assert.Equal(CohortRole.Instructor, member.Role);
        Assert.Equal(InstitutionRole.Instructor, (await factory.MembershipAsync(factory.A, invited.Id))?.Role);
        Assert.NotNull(Assert.Single(await factory.InvitationsOfAsync(cohort.Id)).AcceptedAt);
    }

    [Fact]
    public async Task Someone_else_following_a_personal_invitation_joins_as_a_learner_and_leaves_it_pending()
    {
        var (cohort, client, url) = await CohortWithManagerAsync("Forwarded invitation");
        var address = $"{Guid.NewGuid():N}@invited.test";
        using (await client.UploadRosterAsync(url, Csv($"{address},Olga Observer,instructor\n")))
        {
        }
        var token = Assert.Single(await factory.InvitationsOfAsync(cohort.Id)).Token;
        var stranger = await factory.UserAsync($"{Guid.NewGuid():N}@other.test");
        var strangerClient = await factory.CreateClientAsAsync(stranger);
        var path = factory.Url($"/join/{cohort.InviteCode}?invitation={token}");

        var page = await strangerClient.GetDocumentAsync(path);
        Assert.Contains("another e-mail address", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await strangerClient.SubmitAsync(path, new Dictionary<string, string>());

        Assert.Equal(CohortRole.Learner, Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == stranger.Id).Role);
        Assert.Equal(InstitutionRole.Learner, (await factory.MembershipAsync(factory.A, stranger.Id))?.Role);
        Assert.Null(Assert.Single(await factory.InvitationsOfAsync(cohort.Id)).AcceptedAt);
    }

    [Theory]
    [InlineData("bad-header", "mail,fullname,job\na@x.test,A,learner\n", "header")]
    [InlineData("empty", "", "empty")]
    [InlineData("header-only", "email,name,role\n", "no rows")]
    [InlineData("blank-lines", "\n\n;;\n", "no rows")]
    [InlineData("unclosed-quote", "a@x.test,\"Ann,learner\nb@x.test,B,learner\n", "line 1")]
    [InlineData("latin-1", "latin1", "UTF-8")]
    [InlineData("oversize", "oversize", "1 MB")]
    [InlineData("too-many-rows", "rows", "2,000")]
    public async Task A_file_that_cannot_be_read_as_a_roster_is_refused_and_creates_nothing(string name, string content, string message)
    {
        var (cohort, client, url) = await CohortWithManagerAsync($"Refused {name}");
        var bytes = content switch
        {
            "latin1" => [.. Encoding.UTF8.GetBytes("a@x.test,Jos"), 0xE9, .. Encoding.UTF8.GetBytes(",learner\n")],
            "oversize" => Csv("email,name\n" + string.Concat(Enumerable.Repeat("someone@x.test,A name that fills the file up\n", 25_000))),
            "rows" => Csv(string.Concat(Enumerable.Range(0, 2_001).Select(i => $"p{i}@x.test\n"))),
            _ => Csv(content),
        };
        Assert.True(content != "oversize" || bytes.Length > 1024 * 1024);

        using var response = await client.UploadRosterAsync(url, bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ParseAsync();
        var error = document.QuerySelector(".field-validation-error")?.TextContent ?? string.Empty;
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("table.roster-results"));
        Assert.Empty(await factory.InvitationsOfAsync(cohort.Id));
    }

    [Fact]
    public async Task Names_that_look_like_spreadsheet_formulas_are_stored_as_text_and_shown_encoded()
    {
        var (cohort, client, url) = await CohortWithManagerAsync("Injection");
        const string formula = "=HYPERLINK(\"http://evil.test\",\"<b>click</b>\")";
        var csv = "email,name\nformula@x.test,\"=HYPERLINK(\"\"http://evil.test\"\",\"\"<b>click</b>\"\")\"\n";

        using var response = await client.UploadRosterAsync(url, Csv(csv));

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<b>click</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;click&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Equal(formula, Assert.Single(await factory.InvitationsOfAsync(cohort.Id)).Name);
        var mail = await factory.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "formula@x.test"));
        Assert.DoesNotContain("<b>click</b>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploading_the_same_roster_again_creates_no_duplicate_invitations()
    {
        var (cohort, client, url) = await CohortWithManagerAsync("Twice uploaded");
        var csv = Csv("one@x.test,One\ntwo@x.test,Two,observer\n");

        using (await client.UploadRosterAsync(url, csv))
        {
        }
        using var second = await client.UploadRosterAsync(url, csv);

        var outcomes = Outcomes(await second.ParseAsync());
        Assert.All(outcomes.Values, o => Assert.Contains("Already invited", o, StringComparison.Ordinal));
        Assert.Equal(2, (await factory.InvitationsOfAsync(cohort.Id)).Count);
    }

    [Fact]
    public async Task A_revoked_invitation_no_longer_gives_its_role()
    {
        var (cohort, client, url) = await CohortWithManagerAsync("Revoked");
        var address = $"{Guid.NewGuid():N}@invited.test";
        using (await client.UploadRosterAsync(url, Csv($"{address},Rex,instructor\n")))
        {
        }
        var invitation = Assert.Single(await factory.InvitationsOfAsync(cohort.Id));
        var confirm = factory.Url($"/cohorts/{cohort.Id}/invitations/{invitation.Id}/revoke");
        Assert.Contains(address, (await client.GetDocumentAsync(confirm)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var revoked = await client.SubmitAsync(confirm, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Empty(await factory.InvitationsOfAsync(cohort.Id));
        var invited = await factory.UserAsync(address);
        var invitedClient = await factory.CreateClientAsAsync(invited);
        await invitedClient.SubmitAsync(factory.Url($"/join/{cohort.InviteCode}?invitation={invitation.Token}"), new Dictionary<string, string>());
        Assert.Equal(CohortRole.Learner, Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == invited.Id).Role);
    }

    [GeneratedRegex(@"https?://\S+/join/\S+")]
    private static partial Regex JoinLink();
}
