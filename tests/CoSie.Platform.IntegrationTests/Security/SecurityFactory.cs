using System.Net;
using System.Text.RegularExpressions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Courses.Media;
using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Features.Profiles;
using CoSie.Platform.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.Security;

// One of everything, in two institutions, with the app connected as the row-level-security role: the people of every
// role the access matrix acts as, a course with a published module and a prompt, two cohorts of A (a reflection with
// a reply in the first), an invitation, and a course and cohort of B.
public partial class SecurityFactory : AppRolePlatformFactory
{
    public Institution A { get; private set; } = null!;
    public Institution B { get; private set; } = null!;
    public Dictionary<Actor, PlatformUser> People { get; } = [];
    public Course CourseA { get; private set; } = null!;
    public CourseModule ModuleA { get; private set; } = null!;
    public ReflectionPrompt PromptA { get; private set; } = null!;
    public Cohort CohortA { get; private set; } = null!;
    public Cohort OtherCohortA { get; private set; } = null!;
    public CohortMember LearnerMembershipA { get; private set; } = null!;
    public CohortInvitation InvitationA { get; private set; } = null!;
    public Guid ReflectionA { get; private set; }
    public Guid ReplyA { get; private set; }
    public Cohort CohortB { get; private set; } = null!;
    public string MediaA { get; private set; } = string.Empty;
    public Guid ImportA { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = await this.InstitutionAsync("sec-a", "Alpha University");
        B = await this.InstitutionAsync("sec-b", "Beta Agency");
        People[Actor.AdminA] = await this.MemberAsync(A, "admin@a.test", InstitutionRole.Admin);
        People[Actor.InstructorA] = await this.MemberAsync(A, "instructor@a.test", InstitutionRole.Instructor);
        People[Actor.LearnerA] = await this.MemberAsync(A, "learner@a.test", InstitutionRole.Learner);
        People[Actor.OtherCohortLearnerA] = await this.MemberAsync(A, "other@a.test", InstitutionRole.Learner);
        People[Actor.AdminB] = await this.MemberAsync(B, "admin@b.test", InstitutionRole.Admin);
        People[Actor.InstructorB] = await this.MemberAsync(B, "instructor@b.test", InstitutionRole.Instructor);
        People[Actor.LearnerB] = await this.MemberAsync(B, "learner@b.test", InstitutionRole.Learner);
        People[Actor.PlatformAdmin] = await this.UserAsync("platform@cosie.test", platformAdmin: true);

        (CourseA, ModuleA) = await CourseAsync(A, "course-a");
        PromptA = ModuleA.Prompts[0];
        CohortA = await CohortAsync(A, CourseA, "Cohort A", Actor.InstructorA);
        LearnerMembershipA = await this.CohortMemberAsync(A, CohortA, People[Actor.LearnerA]);
        OtherCohortA = await CohortAsync(A, CourseA, "Other cohort A", Actor.InstructorA);
        await this.CohortMemberAsync(A, OtherCohortA, People[Actor.OtherCohortLearnerA]);
        var (courseB, _) = await CourseAsync(B, "course-b");
        CohortB = await CohortAsync(B, courseB, "Cohort B", Actor.InstructorB);
        await this.CohortMemberAsync(B, CohortB, People[Actor.LearnerB]);

        // An import of A's course that failed: its page answers A's instructors and admins.
        ImportA = await InInstitutionAsync(A.Id, async (_, db) =>
        {
            var import = new CourseImport
            {
                CourseId = CourseA.Id,
                SourceKind = "file",
                Source = "broken.json",
                Status = CourseImportStatus.Failed,
                Message = "The file is empty.",
                Culture = "en",
                FormatCulture = "en-GB",
                MediaBase = "/a/media/",
                CreatedAt = Clock.GetUtcNow(),
            };
            db.CourseImports.Add(import);
            await db.SaveChangesAsync();
            return import.Id;
        });

        MediaA = await InInstitutionAsync(A.Id, (services, _) => services.GetRequiredService<MediaStore>()
            .SaveAsync([0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3], MediaType.ByExtension("png")!, null, CancellationToken.None));

        // A picture of the cohort's learner, so that its address answers the members of the cohort.
        await WithServicesAsync(async services =>
        {
            await services.GetRequiredService<ProfilePictures>().SetAsync(
                People[Actor.LearnerA].Id, [0x89, (byte)'P', (byte)'N', (byte)'G', 4, 5, 6], "image/png", CancellationToken.None);
            return true;
        });

        InvitationA = await InInstitutionAsync(A.Id, async (_, db) =>
        {
            var invitation = new CohortInvitation { CohortId = CohortA.Id, Email = "invited@a.test", Role = CohortRole.Learner, CreatedAt = Clock.GetUtcNow() };
            db.CohortInvitations.Add(invitation);
            await db.SaveChangesAsync();
            return invitation;
        });

        using var learnerClient = await this.CreateClientAsAsync(People[Actor.LearnerA]);
        using (var written = await learnerClient.SubmitAsync(
            $"/sec-a/cohorts/{CohortA.Id}/prompts/{PromptA.Id}", new Dictionary<string, string> { ["Input.Body"] = "My reflection." }, "#reflection-form"))
        {
            ReflectionA = PostIdOf(written);
        }
        using var instructorClient = await this.CreateClientAsAsync(People[Actor.InstructorA]);
        using (var replied = await instructorClient.SubmitAsync(
            $"/sec-a/cohorts/{CohortA.Id}/reflections/{ReflectionA}", new Dictionary<string, string> { ["Input.Body"] = "A reply." }, "#reply-form"))
        {
            ReplyA = PostIdOf(replied);
        }
    }

    // A client of the actor: signed in as the person, or for Anonymous a browser-like client that no one signed in to.
    public async Task<HttpClient> ClientAsAsync(Actor actor) =>
        actor == Actor.Anonymous ? CreateBrowserLikeClient() : await this.CreateClientAsAsync(People[actor]);

    private async Task<(Course, CourseModule)> CourseAsync(Institution institution, string slug)
    {
        var course = await Seed.CourseAsync(this, institution, slug, $"Course {slug}");
        return (course, await this.ModuleAsync(institution, course, "module", "Spreading co-creation", ["What made co-creation spread?"]));
    }

    private Task<Cohort> CohortAsync(Institution institution, Course course, string name, Actor instructor) =>
        Seed.CohortAsync(this, institution, course, name, People[instructor], c => c.PostFirst = false);

    private static Guid PostIdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(PostAnchor().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    // A fingerprint of every row of the app's own tables, read as the superuser (past row-level security), to show
    // that a refused request changed nothing.
    public async Task<Dictionary<string, string>> FingerprintAsync()
    {
        // What earlier writes left to the discussion outbox is delivered first, so that the worker does not change the
        // tables between two fingerprints.
        foreach (var institution in new[] { A, B })
        {
            await Services.GetRequiredService<OutboxWorker>().DeliverAsync(institution.Id, waitForOthers: true, CancellationToken.None);
        }
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        // The account forms' rate-limit windows count every form sent to them, refused ones too: that is their job.
        await using (var list = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', 'data_protection_keys', 'account_form_windows') ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var fingerprint = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var hash = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            fingerprint[table] = (string)(await hash.ExecuteScalarAsync())!;
        }
        return fingerprint;
    }

    // Runs the statements in order on one connection as the app's role and returns the last one's first value.
    public Task<string> SqlScalarAsAppRoleAsync(params string[] statements) => ScalarAsync(TestDatabases.AppRoleConnectionStringFor(Database), statements);

    public Task<string> SqlScalarAsSuperuserAsync(params string[] statements) => ScalarAsync(ConnectionString, statements);

    private static async Task<string> ScalarAsync(string connectionString, string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        object? last = null;
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            last = await command.ExecuteScalarAsync();
        }
        return Convert.ToString(last, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    [GeneratedRegex("#post-([0-9a-f-]{36})")]
    private static partial Regex PostAnchor();
}
