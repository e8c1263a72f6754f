using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CoSie.Platform.Web.Content;
using CsvHelper;
using Microsoft.AspNetCore.DataProtection;

namespace CoSie.Platform.Web.Features.Research;

// A cohort's discussions as a research data set: reflections, replies, helpful marks and prompts, each as CSV and
// JSON, the members' consent at export time and a codebook, in one zip. Authors appear under pseudonyms of this export
// (Pseudonyms); the posts of members without consent keep their place in the tree but neither text nor pseudonym.
// Every export leaves an audit row (ResearchExport) with its counts and its encrypted pseudonym key.
public sealed class ResearchExporter(PlatformDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private const string ProtectorPurpose = "CoSie.Research.ExportKeys.v1";

    public static bool IsAvailable(string? consentText) => !string.IsNullOrWhiteSpace(consentText);

    // Writes the zip to the stream (which must accept synchronous writes: ZipArchive writes that way) and records the
    // export. Each data set is read twice, once per format, inside one repeatable-read transaction, so both formats
    // show the same snapshot without holding a whole cohort's posts in memory.
    public async Task<ResearchExport> WriteAsync(Cohort cohort, Guid exportedBy, Stream target, CancellationToken cancellationToken)
    {
        var key = Pseudonyms.NewKey();
        var pseudonyms = new Pseudonyms(key);
        var export = new ResearchExport
        {
            CohortId = cohort.Id,
            ExportedById = exportedBy,
            At = clock.GetUtcNow(),
            ProtectedKey = dataProtection.CreateProtector(ProtectorPurpose).Protect(Convert.ToBase64String(key)),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var cohortId = cohort.Id;
        var members = await db.CohortMembers.AsNoTracking().Where(m => m.CohortId == cohortId)
            .Select(m => new
            {
                m.UserId,
                m.Role,
                m.ResearchConsent,
                Since = db.ResearchConsentChanges.Where(c => c.CohortId == cohortId && c.UserId == m.UserId).Max(c => (DateTimeOffset?)c.At),
            })
            .OrderBy(m => m.UserId)
            .ToListAsync(cancellationToken);
        var consenting = members.Where(m => m.ResearchConsent).Select(m => m.UserId).ToHashSet();
        export.Members = members.Count;
        export.ConsentingMembers = consenting.Count;

        string Author(Guid? id) => id is not { } account ? Pseudonyms.DeletedAccount : consenting.Contains(account) ? pseudonyms.Of(account) : Pseudonyms.Withheld;
        string Body(Guid? author, PostStatus status, string source) =>
            status != PostStatus.Visible ? Codebook.Removed : author is { } a && consenting.Contains(a) ? source : Codebook.Withheld;
        bool IsWithheld(Guid? author, PostStatus status) => status == PostStatus.Visible && !(author is { } a && consenting.Contains(a));

        using (var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true))
        {
            var reflections = db.Reflections.AsNoTracking().Where(r => r.CohortId == cohortId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .Select(r => new { r.Id, r.PromptId, r.AuthorId, r.Status, r.CreatedAt, r.EditedAt, r.BodySource });
            var counts = await WriteDataSetAsync(zip, Codebook.Reflections, reflections, r =>
            {
                return [Id(r.Id), Id(r.PromptId), Author(r.AuthorId), StatusName(r.Status), Time(r.CreatedAt), Time(r.EditedAt), Body(r.AuthorId, r.Status, r.BodySource)];
            }, r => IsWithheld(r.AuthorId, r.Status), cancellationToken);
            export.Reflections = counts.Rows;
            export.Withheld = counts.Withheld;

            var replies = (from p in db.Replies.AsNoTracking()
                           join r in db.Reflections on p.ReflectionId equals r.Id
                           where r.CohortId == cohortId
                           orderby r.CreatedAt, r.Id, p.Path
                           select new { p.Id, p.ReflectionId, p.ParentReplyId, p.Depth, p.AuthorId, p.Status, p.CreatedAt, p.EditedAt, p.BodySource });
            counts = await WriteDataSetAsync(zip, Codebook.Replies, replies, p =>
            {
                return [Id(p.Id), Id(p.ReflectionId), Id(p.ParentReplyId), Number(p.Depth), Author(p.AuthorId), StatusName(p.Status), Time(p.CreatedAt), Time(p.EditedAt), Body(p.AuthorId, p.Status, p.BodySource)];
            }, p => IsWithheld(p.AuthorId, p.Status), cancellationToken);
            export.Replies = counts.Rows;
            export.Withheld += counts.Withheld;

            var marks = (from h in db.Helpfuls.AsNoTracking()
                         join r in db.Reflections on h.ReflectionId equals r.Id
                         where r.CohortId == cohortId
                         orderby h.CreatedAt, h.Id
                         select new { h.PostId, h.ReflectionId, h.UserId, h.CreatedAt });
            counts = await WriteDataSetAsync(zip, Codebook.HelpfulMarks, marks, h =>
            {
                return [Id(h.PostId), Id(h.ReflectionId), Author(h.UserId), Time(h.CreatedAt)];
            }, _ => false, cancellationToken);
            export.HelpfulMarks = counts.Rows;

            var courseId = cohort.CourseId;
            var prompts = (from p in db.ReflectionPrompts.AsNoTracking()
                           join m in db.Modules on p.ModuleId equals m.Id
                           where m.CourseId == courseId
                           orderby m.Position, m.Id, p.Position
                           select new { p.Id, ModuleId = m.Id, m.Title, p.Position, p.Text });
            await WriteDataSetAsync(zip, Codebook.Prompts, prompts, p =>
            {
                return [Id(p.Id), Id(p.ModuleId), p.Title, Number(p.Position), p.Text];
            }, _ => false, cancellationToken);

            var consentRows = members.Select(m => new[]
            {
                consenting.Contains(m.UserId) ? pseudonyms.Of(m.UserId) : Pseudonyms.Withheld,
                m.Role.ToString().ToLowerInvariant(),
                m.ResearchConsent ? "true" : "false",
                Time(m.Since),
            }).ToList();
            WriteCsv(zip, Codebook.Consent, consentRows);
            WriteJson(zip, Codebook.Consent, consentRows);

            var codebookRows = Codebook.Files.SelectMany(f => f.Columns.Select(c => new[] { f.Name, c.Name, c.Description })).ToList();
            WriteCsv(zip, Codebook.CodebookFile, codebookRows);
            WriteReadme(zip, cohort, export);
        }

        db.ResearchExports.Add(export);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return export;
    }

    private static async Task<(int Rows, int Withheld)> WriteDataSetAsync<T>(
        ZipArchive zip, Codebook.ExportFile file, IQueryable<T> query, Func<T, string[]> row, Func<T, bool> withheld, CancellationToken cancellationToken)
    {
        var (rows, held) = (0, 0);
        using (var stream = zip.CreateEntry(file.Name + ".csv", CompressionLevel.Optimal).Open())
        using (var csv = CsvWriter.Create(stream, SpreadsheetCsv.Options))
        {
            csv.WriteHeader(file.Header);
            await foreach (var item in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                csv.WriteRecord(row(item));
                rows++;
                held += withheld(item) ? 1 : 0;
            }
        }
        using (var stream = zip.CreateEntry(file.Name + ".json", CompressionLevel.Optimal).Open())
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            await foreach (var item in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                WriteObject(json, file, row(item));
            }
            json.WriteEndArray();
        }
        return (rows, held);
    }

    private static void WriteCsv(ZipArchive zip, Codebook.ExportFile file, IEnumerable<string[]> rows)
    {
        using var stream = zip.CreateEntry(file.Name + ".csv", CompressionLevel.Optimal).Open();
        using var csv = CsvWriter.Create(stream, SpreadsheetCsv.Options);
        csv.WriteHeader(file.Header);
        foreach (var row in rows)
        {
            csv.WriteRecord(row);
        }
    }

    private static void WriteJson(ZipArchive zip, Codebook.ExportFile file, IEnumerable<string[]> rows)
    {
        using var stream = zip.CreateEntry(file.Name + ".json", CompressionLevel.Optimal).Open();
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var row in rows)
        {
            WriteObject(json, file, row);
        }
        json.WriteEndArray();
    }

    // JSON carries the same columns as the CSV; an empty cell is null. No formula guard here: JSON is not opened by
    // spreadsheets as formulas.
    private static void WriteObject(Utf8JsonWriter json, Codebook.ExportFile file, string[] row)
    {
        json.WriteStartObject();
        for (var i = 0; i < file.Columns.Count; i++)
        {
            if (row[i].Length == 0)
            {
                json.WriteNull(file.Columns[i].Name);
            }
            else
            {
                json.WriteString(file.Columns[i].Name, row[i]);
            }
        }
        json.WriteEndObject();
    }

    private static void WriteReadme(ZipArchive zip, Cohort cohort, ResearchExport export)
    {
        var text = new StringBuilder();
        text.AppendLine("# Research export").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Cohort: {cohort.Name} ({cohort.Id})  ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Exported at: {Time(export.At)}  ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Export: {export.Id}").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Members: {export.Members}, of whom {export.ConsentingMembers} had given research consent. ")
            .AppendLine(CultureInfo.InvariantCulture, $"Reflections: {export.Reflections}, replies: {export.Replies} ({export.Withheld} of the visible posts withheld), helpful marks: {export.HelpfulMarks}.")
            .AppendLine();
        text.AppendLine("Authors are pseudonyms of this export only: the same member has the same pseudonym in every file of it, and another one in any other export. ")
            .AppendLine($"Posts of members who had not given research consent keep their identifiers, thread position and times, with \"{Pseudonyms.Withheld}\" as author and text. ")
            .AppendLine($"Posts hidden by a moderator, deleted by their author or awaiting approval keep their place with \"{Codebook.Removed}\" as text, as the cohort's readers see them.")
            .AppendLine();
        foreach (var file in Codebook.Files)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## {file.Name}").AppendLine().AppendLine(file.Description).AppendLine();
            text.AppendLine("| column | description |").AppendLine("| --- | --- |");
            foreach (var column in file.Columns)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {column.Name} | {column.Description.Replace("|", "\\|", StringComparison.Ordinal)} |");
            }
            text.AppendLine();
        }
        using var writer = new StreamWriter(zip.CreateEntry("README.md", CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text.ToString());
    }

    private static string Id(Guid? id) => id?.ToString() ?? string.Empty;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string StatusName(PostStatus status) => status switch
    {
        PostStatus.Visible => "visible",
        PostStatus.HiddenByModerator => "hidden",
        PostStatus.Deleted => "deleted",
        _ => "awaiting_approval",
    };
}
