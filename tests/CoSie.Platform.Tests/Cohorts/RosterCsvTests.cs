using CoSie.Platform.Web.Localization;
using System.Text;
using CoSie.Platform.Web.Features.Cohorts;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoSie.Platform.Tests.Cohorts;

public sealed class RosterCsvTests
{
    private static readonly RosterCsv Reader = new(
        new StringLocalizer<RosterCsv>(new CatalogueLocalizerFactory(NullLoggerFactory.Instance)));

    private static Task<RosterFile> ReadAsync(string text) => ReadAsync(Encoding.UTF8.GetBytes(text));

    private static Task<RosterFile> ReadAsync(byte[] bytes) => Reader.ReadAsync(new MemoryStream(bytes), CancellationToken.None);

    [Fact]
    public async Task Rows_without_a_header_are_email_name_role_in_that_order()
    {
        var file = await ReadAsync("aino@example.org,Aino Virtanen,learner\r\nines@example.org,Ines,instructor\r\n");

        Assert.Null(file.Refusal);
        Assert.Equal(
            [new RosterRow(1, "aino@example.org", "Aino Virtanen", "learner", false), new RosterRow(2, "ines@example.org", "Ines", "instructor", false)],
            file.Rows);
    }

    [Fact]
    public async Task A_header_may_name_the_columns_in_any_order_and_semicolons_separate_as_well()
    {
        var file = await ReadAsync("Role;E-mail address;Full name\nobserver;bartek@example.org;Bartek Nowak\n");

        Assert.Equal(new RosterRow(2, "bartek@example.org", "Bartek Nowak", "observer", false), Assert.Single(file.Rows));
    }

    [Fact]
    public async Task Name_and_role_may_be_left_out_and_blank_lines_are_skipped()
    {
        var file = await ReadAsync("carmen@example.org\n\n  \n");

        Assert.Equal(new RosterRow(1, "carmen@example.org", "", "", false), Assert.Single(file.Rows));
    }

    [Fact]
    public async Task Quoted_fields_keep_their_commas_and_extra_columns_are_marked()
    {
        var file = await ReadAsync("\"aino@example.org\",\"Virtanen, Aino\",learner,unexpected\n");

        var row = Assert.Single(file.Rows);
        Assert.Equal("Virtanen, Aino", row.Name);
        Assert.True(row.HasExtraColumns);
    }

    [Theory]
    [InlineData("email,name,department\naino@example.org,Aino,HR\n", "looks like a header")]
    [InlineData("\n\n", "no rows to import")]
    [InlineData("aino@example.org,\"Aino\n", "could not be read as CSV at line")]
    public async Task A_file_that_cannot_be_read_is_refused_whole_with_the_reason(string text, string reason)
    {
        var file = await ReadAsync(text);

        Assert.Empty(file.Rows);
        Assert.Contains(reason, file.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes("aino@example.org,Åsa Öberg,learner\n");

        var file = await ReadAsync(latin1);

        Assert.Contains("not UTF-8", file.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_rows_than_the_limit_are_refused()
    {
        var text = string.Concat(Enumerable.Range(0, RosterCsv.MaxRows + 1).Select(i => $"p{i}@example.org\n"));

        var file = await ReadAsync(text);

        Assert.Empty(file.Rows);
        Assert.Contains("more than", file.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_one_megabyte_is_refused()
    {
        var file = await ReadAsync(new byte[RosterCsv.MaxBytes + 1]);

        Assert.Contains("larger than 1 MB", file.Refusal, StringComparison.Ordinal);
    }
}
