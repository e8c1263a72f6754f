using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using CsvHelper;

namespace CoSie.Platform.IntegrationTests.Research;

public sealed class ResearchExportTests(ResearchFactory factory) : IClassFixture<ResearchFactory>
{
    private const string Formula = "=HYPERLINK(\"http://evil.test\",\"Click\")";

    // Ann and Carol consent, Bob does not. Ann's reflection starts with a formula; Bob replies to it, Ann answers Bob,
    // Carol marks Bob's reply helpful and Bob marks Ann's reflection.
    private async Task<Seeded> ThreadAsync(string name)
    {
        await factory.SetConsentTextAsync(ResearchFactory.ConsentText);
        var cohort = await factory.CohortAsync(name);
        var ann = await factory.LearnerAsync(cohort, "Ann");
        var bob = await factory.LearnerAsync(cohort, "Bob");
        var carol = await factory.LearnerAsync(cohort, "Carol");
        await factory.ConsentAsync(cohort, ann);
        await factory.ConsentAsync(cohort, carol);
        var reflection = await factory.ReflectionAsync(factory.A, cohort, factory.Prompt, ann, Formula);
        var bobsReply = await factory.ReplyAsync(factory.A, reflection.Id, bob, "Bob's private thought");
        var annsAnswer = await factory.ReplyAsync(factory.A, reflection.Id, ann, "Ann answers Bob", bobsReply);
        await factory.HelpfulAsync(reflection.Id, bobsReply.Id, carol);
        await factory.HelpfulAsync(reflection.Id, reflection.Id, bob);
        return new Seeded(cohort, ann, bob, carol, reflection, bobsReply, annsAnswer);
    }

    private sealed record Seeded(Cohort Cohort, PlatformUser Ann, PlatformUser Bob, PlatformUser Carol, Reflection Reflection, Reply BobsReply, Reply AnnsAnswer);

    private async Task<Dictionary<string, byte[]>> ExportAsync(HttpClient client, Cohort cohort)
    {
        using var response = await client.SubmitAsync(factory.Url($"/cohorts/{cohort.Id}/research-export"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            files[entry.FullName] = copy.ToArray();
        }
        return files;
    }

    private static async Task<List<Dictionary<string, string>>> CsvAsync(byte[] bytes)
    {
        var rows = new List<string[]>();
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        while (await csv.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }
        return [.. rows.Skip(1).Select(r => rows[0].Select((column, i) => (column, r[i])).ToDictionary(p => p.column, p => p.Item2))];
    }

    private static async Task<string[]> HeaderAsync(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        Assert.True(await csv.ReadAsync());
        return [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)];
    }

    [Fact]
    public async Task An_instructor_exports_every_data_set_as_csv_and_json_with_a_readme_and_a_codebook()
    {
        var thread = await ThreadAsync("Complete export");
        var files = await ExportAsync(await factory.CreateClientAsAsync(factory.Instructor), thread.Cohort);

        string[] expected = ["README.md", "codebook.csv", "consent.csv", "consent.json", "helpful_marks.csv", "helpful_marks.json",
            "prompts.csv", "prompts.json", "reflections.csv", "reflections.json", "replies.csv", "replies.json"];
        Assert.Equal(expected, files.Keys.Order(StringComparer.Ordinal));
        var prompts = await CsvAsync(files["prompts.csv"]);
        Assert.Equal("What made co-creation spread?", Assert.Single(prompts)["text"]);
        Assert.Equal("Spreading co-creation", prompts[0]["module_title"]);
        var json = JsonDocument.Parse(files["replies.json"]).RootElement;
        Assert.Equal(2, json.GetArrayLength());
        Assert.Equal(thread.BobsReply.Id.ToString(), json[1].GetProperty("parent_reply_id").GetString());
        var marks = await CsvAsync(files["helpful_marks.csv"]);
        Assert.Equal(2, marks.Count);
        var consent = await CsvAsync(files["consent.csv"]);
        Assert.Equal(2, consent.Count(c => c["consent"] == "true"));
        Assert.Equal(4, consent.Count);
    }

    [Fact]
    public async Task The_codebook_describes_every_column_of_every_csv_file()
    {
        var thread = await ThreadAsync("Codebook");
        var files = await ExportAsync(await factory.CreateClientAsAsync(factory.Instructor), thread.Cohort);

        var described = (await CsvAsync(files["codebook.csv"])).Select(r => (r["file"], r["column"])).ToHashSet();
        var readme = Encoding.UTF8.GetString(files["README.md"]);
        var columns = 0;
        foreach (var (name, bytes) in files.Where(f => f.Key.EndsWith(".csv", StringComparison.Ordinal)))
        {
            foreach (var column in await HeaderAsync(bytes))
            {
                Assert.Contains((Path.GetFileNameWithoutExtension(name), column), described);
                Assert.Contains($"| {column} |", readme, StringComparison.Ordinal);
                columns++;
            }
        }
        foreach (var (name, bytes) in files.Where(f => f.Key.EndsWith(".json", StringComparison.Ordinal)))
        {
            foreach (var row in JsonDocument.Parse(bytes).RootElement.EnumerateArray())
            {
                Assert.All(row.EnumerateObject(), p => Assert.Contains((Path.GetFileNameWithoutExtension(name), p.Name), described));
            }
        }
        Assert.True(columns > 20);
        Assert.Equal(columns, described.Count);
    }

    [Fact]
    public async Task Authors_are_pseudonyms_stable_within_an_export_that_differ_between_exports_and_from_account_ids()
    {
        var thread = await ThreadAsync("Pseudonyms");
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        var first = await ExportAsync(client, thread.Cohort);
        var second = await ExportAsync(client, thread.Cohort);

        var reflection = Assert.Single(await CsvAsync(first["reflections.csv"]));
        var replies = await CsvAsync(first["replies.csv"]);
        var annFirst = reflection["author"];
        Assert.StartsWith("m-", annFirst, StringComparison.Ordinal);
        Assert.Equal(annFirst, replies.Single(r => r["reply_id"] == thread.AnnsAnswer.Id.ToString())["author"]);
        var marks = await CsvAsync(first["helpful_marks.csv"]);
        var carolFirst = marks.Single(m => m["post_id"] == thread.BobsReply.Id.ToString())["marked_by"];
        Assert.StartsWith("m-", carolFirst, StringComparison.Ordinal);
        Assert.NotEqual(annFirst, carolFirst);
        Assert.Contains(annFirst, (await CsvAsync(first["consent.csv"])).Select(c => c["member"]));

        var annSecond = Assert.Single(await CsvAsync(second["reflections.csv"]))["author"];
        Assert.StartsWith("m-", annSecond, StringComparison.Ordinal);
        Assert.NotEqual(annFirst, annSecond);

        foreach (var person in new[] { thread.Ann, thread.Bob, thread.Carol, factory.Instructor })
        {
            foreach (var (name, bytes) in first.Concat(second))
            {
                var text = Encoding.UTF8.GetString(bytes);
                Assert.DoesNotContain(person.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(person.Id.ToString("N"), text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(person.Email!, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Posts_of_members_without_consent_are_withheld_but_keep_their_place_in_the_tree()
    {
        var thread = await ThreadAsync("Withheld");
        var files = await ExportAsync(await factory.CreateClientAsAsync(factory.Admin), thread.Cohort);

        var replies = await CsvAsync(files["replies.csv"]);
        var bobs = replies.Single(r => r["reply_id"] == thread.BobsReply.Id.ToString());
        Assert.Equal("[withheld]", bobs["author"]);
        Assert.Equal("[withheld]", bobs["body"]);
        Assert.Equal(thread.Reflection.Id.ToString(), bobs["reflection_id"]);
        Assert.Equal(string.Empty, bobs["parent_reply_id"]);
        Assert.False(string.IsNullOrEmpty(bobs["created_at"]));
        var anns = replies.Single(r => r["reply_id"] == thread.AnnsAnswer.Id.ToString());
        Assert.Equal(thread.BobsReply.Id.ToString(), anns["parent_reply_id"]);
        Assert.Equal("1", anns["depth"]);
        Assert.Equal("Ann answers Bob", anns["body"]);
        Assert.Equal("[withheld]", (await CsvAsync(files["helpful_marks.csv"])).Single(m => m["post_id"] == thread.Reflection.Id.ToString())["marked_by"]);
        foreach (var bytes in files.Values)
        {
            Assert.DoesNotContain("Bob's private thought", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cell_that_starts_with_a_formula_is_neutralised_in_the_csv()
    {
        var thread = await ThreadAsync("Formula");
        var files = await ExportAsync(await factory.CreateClientAsAsync(factory.Instructor), thread.Cohort);

        Assert.Equal("'" + Formula, Assert.Single(await CsvAsync(files["reflections.csv"]))["body"]);
        Assert.Equal(Formula, JsonDocument.Parse(files["reflections.json"]).RootElement[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task Every_export_is_audited_with_who_when_and_how_much()
    {
        var thread = await ThreadAsync("Audited");
        await ExportAsync(await factory.CreateClientAsAsync(factory.Instructor), thread.Cohort);

        var export = Assert.Single(await factory.ExportsOfAsync(thread.Cohort));
        Assert.Equal(factory.Instructor.Id, export.ExportedById);
        Assert.Equal(factory.Clock.GetUtcNow(), export.At);
        Assert.Equal((4, 2, 1, 2, 1, 2), (export.Members, export.ConsentingMembers, export.Reflections, export.Replies, export.Withheld, export.HelpfulMarks));
        // The key is kept only as a Data Protection payload.
        Assert.StartsWith("CfDJ8", export.ProtectedKey, StringComparison.Ordinal);
        var page = await (await factory.CreateClientAsAsync(factory.Instructor)).GetDocumentAsync(factory.Url($"/cohorts/{thread.Cohort.Id}/research-export"));
        Assert.Single(page.QuerySelectorAll("#earlier-exports tbody tr"));
    }

    [Fact]
    public async Task A_learner_may_not_export_and_nothing_is_recorded()
    {
        var thread = await ThreadAsync("Learner refused");
        var client = await factory.CreateClientAsAsync(thread.Ann);
        var form = await Cohorts.CohortPages.AnyFormAsync(client, "/Account/Manage");
        var url = factory.Url($"/cohorts/{thread.Cohort.Id}/research-export");

        using var page = await client.GetAsync(url);
        using var posted = await client.PostFormAsync(url, form, new Dictionary<string, string>(), action: url);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Empty(await factory.ExportsOfAsync(thread.Cohort));
    }

    [Fact]
    public async Task An_instructor_of_another_institution_finds_no_cohort_to_export()
    {
        var thread = await ThreadAsync("Other institution");
        var client = await factory.CreateClientAsAsync(factory.InstructorB);
        var form = await Cohorts.CohortPages.AnyFormAsync(client, "/Account/Manage");

        foreach (var url in new[] { $"/{factory.A.Slug}/cohorts/{thread.Cohort.Id}/research-export", $"/{factory.B.Slug}/cohorts/{thread.Cohort.Id}/research-export" })
        {
            using var page = await client.GetAsync(url);
            using var posted = await client.PostFormAsync(url, form, new Dictionary<string, string>(), action: url);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }
        Assert.Empty(await factory.ExportsOfAsync(thread.Cohort));
    }

    [Fact]
    public async Task Without_a_consent_text_the_export_is_unavailable_with_an_explanation()
    {
        var thread = await ThreadAsync("No text");
        await factory.SetConsentTextAsync(null);
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        var url = factory.Url($"/cohorts/{thread.Cohort.Id}/research-export");

        var page = await client.GetDocumentAsync(url);
        Assert.Contains("research consent text", page.QuerySelector("#export-unavailable")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        var form = await Cohorts.CohortPages.AnyFormAsync(client, "/Account/Manage");
        using var posted = await client.PostFormAsync(url, form, new Dictionary<string, string>(), action: url);

        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Empty(await factory.ExportsOfAsync(thread.Cohort));
        await factory.SetConsentTextAsync(ResearchFactory.ConsentText);
    }
}
