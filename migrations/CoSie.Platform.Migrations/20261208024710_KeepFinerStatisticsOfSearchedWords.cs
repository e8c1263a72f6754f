using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    // Finer statistics of the words in posts, so that PostgreSQL tells a rare word from a common one in a big
    // institution (docs/guide/search.md, Features/Search/SearchSql).
    //
    // The search reads a common word's posts newest first until 1,000 match, a rare word's through the GIN index, and
    // PostgreSQL chooses by how many posts it expects to match. A word outside the column's most common elements is
    // estimated at half the least common one's frequency, and at most 0.5 %: with the default statistics target (100)
    // that was 1 % for a word's two readings, 10,000 of 1,000,000 replies, for a word in 100 of them; PostgreSQL then
    // read all million replies newest first looking for 1,000 matches (259 ms instead of 2.4). With target 1,000 it samples
    // ten times the rows and keeps ten times the elements, so the estimate for words outside them is ten times finer.
    // Analyzed at once: autovacuum would analyze again only after a tenth of the table has changed.
    public partial class KeepFinerStatisticsOfSearchedWords : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE replies ALTER COLUMN search_vector SET STATISTICS 1000;
                ALTER TABLE reflections ALTER COLUMN search_vector SET STATISTICS 1000;
                ANALYZE replies (search_vector);
                ANALYZE reflections (search_vector);
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE replies ALTER COLUMN search_vector SET STATISTICS -1;
                ALTER TABLE reflections ALTER COLUMN search_vector SET STATISTICS -1;
                """);
        }
    }
}
