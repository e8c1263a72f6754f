using CoSie.Platform.Web.Data;

namespace CoSie.Platform.IntegrationTests.Security;

// The migration CleanSingleLineText, run on rows stored before the rule: its SQL against real PostgreSQL.
public sealed class PlainTextCleanupTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    [Fact]
    public async Task Dirty_names_titles_and_slugs_lose_their_control_characters_and_are_put_in_NFC_and_bodies_are_left_alone()
    {
        var learner = factory.People[Actor.LearnerA].Id;
        // U&'' strings spell the characters out: CR LF, U+0001, U+0085 (C1), U+202E (override), U+2067 (isolate), and
        // an "e" followed by a combining acute accent (not NFC).
        await factory.SqlScalarAsSuperuserAsync(
            $"UPDATE \"AspNetUsers\" SET display_name = U&'Ada\\000D\\000ABcc: x@y.test' WHERE id = '{learner}'",
            $"UPDATE institutions SET name = U&'Alpha\\0001 \\202EUniversity\\202C' WHERE id = '{factory.A.Id}'",
            $"UPDATE courses SET title = U&'Cafe\\0301 \\2067course\\2069', summary = U&'Line one\\000Aline\\0001 two' WHERE id = '{factory.CourseA.Id}'",
            $"UPDATE modules SET title = U&'Module\\0085 one' WHERE id = '{factory.ModuleA.Id}'",
            $"UPDATE cohorts SET name = U&'Cohort\\0009A' WHERE id = '{factory.CohortA.Id}'",
            "SELECT 'seeded'");

        await factory.SqlScalarAsSuperuserAsync(PlainTextCleanupSql.CleanSingleLineColumns, "SELECT 'cleaned'");

        Assert.Equal("AdaBcc: x@y.test", await factory.SqlScalarAsSuperuserAsync($"SELECT display_name FROM \"AspNetUsers\" WHERE id = '{learner}'"));
        Assert.Equal("Alpha University", await factory.SqlScalarAsSuperuserAsync($"SELECT name FROM institutions WHERE id = '{factory.A.Id}'"));
        Assert.Equal("Caf\u00E9 course", await factory.SqlScalarAsSuperuserAsync($"SELECT title FROM courses WHERE id = '{factory.CourseA.Id}'"));
        Assert.Equal("Module one", await factory.SqlScalarAsSuperuserAsync($"SELECT title FROM modules WHERE id = '{factory.ModuleA.Id}'"));
        Assert.Equal("CohortA", await factory.SqlScalarAsSuperuserAsync($"SELECT name FROM cohorts WHERE id = '{factory.CohortA.Id}'"));
        // A multi-line column is not the migration's: its line break stays.
        Assert.Equal("Line one\nline\u0001 two", await factory.SqlScalarAsSuperuserAsync($"SELECT summary FROM courses WHERE id = '{factory.CourseA.Id}'"));
        Assert.Equal("course-a", await factory.SqlScalarAsSuperuserAsync($"SELECT slug FROM courses WHERE id = '{factory.CourseA.Id}'"));
    }
}
