using System.Text.Unicode;
using CsvHelper;

namespace CoSie.Platform.Web.Features.Cohorts;

// Reads roster uploads: UTF-8 text, comma or semicolon separated, columns email, name, role in that order unless a
// header row names them. The whole file is read before anything is imported, so a bad file imports nothing.
public sealed class RosterCsv(IStringLocalizer<RosterCsv> localizer)
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxRows = 2_000;

    private static readonly Dictionary<string, string> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = "email",
        ["e-mail"] = "email",
        ["email address"] = "email",
        ["e-mail address"] = "email",
        ["name"] = "name",
        ["full name"] = "name",
        ["role"] = "role",
    };

    public async Task<RosterFile> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        // The file is small (1 MB at most), so it is read whole: that makes the UTF-8 check exact.
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            return RosterFile.Refused(localizer["The file is larger than 1 MB. Split it into smaller files."].Value);
        }
        var bytes = buffer.ToArray();
        // Invalid UTF-8 is refused rather than silently turned into replacement characters in people's names.
        if (!Utf8.IsValid(bytes))
        {
            return RosterFile.Refused(localizer["The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."].Value);
        }

        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = null, // detected: comma or semicolon, whichever the file uses
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            TrackLineNumbers = true,
        };
        var rows = new List<RosterRow>();
        (int Email, int Name, int Role) columns = (0, 1, 2);
        var first = true;
        try
        {
            using var csv = CsvReader.Create(bytes, options);
            while (await csv.ReadAsync(cancellationToken))
            {
                var record = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                if (first)
                {
                    first = false;
                    // A first row without any address in it is a header; it must name the columns we know.
                    if (!record.Any(f => f.Contains('@', StringComparison.Ordinal)))
                    {
                        if (ReadHeader(record) is not { } mapped)
                        {
                            return RosterFile.Refused(localizer[
                                "The first row looks like a header, but its columns are not email, name and role: “{header}”. Use the columns email, name, role (name and role may be left out), or leave the header out.",
                                string.Join(", ", record)].Value);
                        }
                        columns = mapped;
                        continue;
                    }
                }
                if (rows.Count == MaxRows)
                {
                    return RosterFile.Refused(localizer["The file has more than {max, plural, one {# row} other {# rows}}. Split it into smaller files.", MaxRows].Value);
                }
                int[] used = [columns.Email, columns.Name, columns.Role];
                var extra = record.Where((value, index) => !used.Contains(index) && !string.IsNullOrWhiteSpace(value)).Any();
                rows.Add(new RosterRow((int)csv.LineNumber, Field(record, columns.Email), Field(record, columns.Name), Field(record, columns.Role), extra));
            }
        }
        catch (CsvFormatException ex)
        {
            return RosterFile.Refused(localizer["The file could not be read as CSV at line {line}. Check for a quote that is not closed.", ex.LineNumber].Value);
        }

        return rows.Count == 0
            ? RosterFile.Refused(localizer["The file has no rows to import. Put one person per row: email, name, role."].Value)
            : new RosterFile(rows, Refusal: null);
    }

    private static (int Email, int Name, int Role)? ReadHeader(string[] header)
    {
        (int Email, int Name, int Role) columns = (-1, -1, -1);
        for (var i = 0; i < header.Length; i++)
        {
            var text = header[i].Trim();
            if (text.Length == 0)
            {
                continue;
            }
            switch (HeaderNames.GetValueOrDefault(text))
            {
                case "email" when columns.Email < 0:
                    columns.Email = i;
                    break;
                case "name" when columns.Name < 0:
                    columns.Name = i;
                    break;
                case "role" when columns.Role < 0:
                    columns.Role = i;
                    break;
                default:
                    return null;
            }
        }
        return columns.Email < 0 ? null : columns;
    }

    private static string Field(string[] record, int index) => index >= 0 && index < record.Length ? record[index].Trim() : string.Empty;
}
