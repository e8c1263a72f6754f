using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class PromptDetectionTests
{
    private const string Intro = "<p>Some course text that stays.</p>";
    private const string Outro = "<p>Closing text that stays.</p>";

    private static ImportedModule Import(string content)
    {
        var result = Importers.Create().Parse("page.json", WordPressJson.Page("Module", content));
        Assert.True(result.Succeeded, result.Error?.Message);
        return Assert.Single(result.Modules);
    }

    private static void AssertBodyIsIntroAndOutroOnly(ImportedModule module) =>
        Assert.Equal(Intro + "\n" + Outro, module.BodyHtml);

    [Fact]
    public void Pullquote_after_bold_lead_in_gives_one_prompt_per_paragraph()
    {
        var module = Import(
            Intro + "<p><strong>Reflect on:</strong></p>" +
            "<figure class=\"wp-block-pullquote\"><blockquote><p>First question?</p><p>Second question?</p><cite>Editor</cite></blockquote></figure>" +
            Outro);

        Assert.Equal(["First question?", "Second question?"], module.Prompts);
        AssertBodyIsIntroAndOutroOnly(module);
    }

    [Fact]
    public void Plain_blockquote_after_heading_gives_one_prompt_per_paragraph()
    {
        var module = Import(
            Intro + "<h3>Reflection</h3><blockquote class=\"wp-block-quote\"><p>Think about your own service.</p><p>Who benefits?</p></blockquote>" + Outro);

        Assert.Equal(["Think about your own service.", "Who benefits?"], module.Prompts);
        AssertBodyIsIntroAndOutroOnly(module);
    }

    [Fact]
    public void Unordered_list_after_short_paragraph_gives_one_prompt_per_item()
    {
        var module = Import(Intro + "<p>Please reflect upon:</p><ul><li>Your <em>own</em> role</li><li>Your team</li></ul>" + Outro);

        Assert.Equal(["Your own role", "Your team"], module.Prompts);
        AssertBodyIsIntroAndOutroOnly(module);
    }

    [Fact]
    public void Ordered_list_after_heading_gives_one_prompt_per_item()
    {
        var module = Import(Intro + "<h2>Reflection questions</h2><ol><li>One?</li><li>Two?</li><li>Three?</li></ol>" + Outro);

        Assert.Equal(["One?", "Two?", "Three?"], module.Prompts);
        AssertBodyIsIntroAndOutroOnly(module);
    }

    [Fact]
    public void Reflective_exercises_heading_with_list_gives_prompts()
    {
        var module = Import(Intro + "<h4>Reflective exercises</h4><ul class=\"wp-block-list\"><li>Map your stakeholders.</li><li>List three barriers.</li></ul>" + Outro);

        Assert.Equal(["Map your stakeholders.", "List three barriers."], module.Prompts);
        AssertBodyIsIntroAndOutroOnly(module);
    }

    [Fact]
    public void Questions_for_reflection_bold_lead_in_with_list_gives_prompts()
    {
        var module = Import(Intro + "<p><b>Questions for reflection:</b></p><ul><li>Why?</li><li>How?</li></ul>" + Outro);

        Assert.Equal(["Why?", "How?"], module.Prompts);
        AssertBodyIsIntroAndOutroOnly(module);
    }

    [Fact]
    public void Announcement_matching_ignores_case_and_trailing_colon()
    {
        var module = Import(Intro + "<h2>REFLECTIONS:</h2><ul><li>A</li></ul>" + Outro);

        Assert.Equal(["A"], module.Prompts);
    }

    [Fact]
    public void Question_paragraphs_after_an_announcement_are_prompts_until_the_next_heading()
    {
        var module = Import(
            Intro + "<h2>Reflection</h2><p>Why does this matter to you?</p><p>What would you try “first”?</p>" +
            "<h2>Next steps</h2><p>Is this question kept in the body?</p>");

        Assert.Equal(["Why does this matter to you?", "What would you try “first”?"], module.Prompts);
        Assert.Equal(Intro + "\n<h2>Next steps</h2>\n<p>Is this question kept in the body?</p>", module.BodyHtml);
    }

    [Fact]
    public void Question_paragraphs_stop_at_a_bold_lead_in()
    {
        var module = Import(
            Intro + "<p><strong>Reflect upon</strong></p><p>Is it working?</p><p><strong>Summary</strong></p><p>Is this kept?</p>");

        Assert.Equal(["Is it working?"], module.Prompts);
        Assert.Contains("<p>Is this kept?</p>", module.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<p><strong>Summary</strong></p>", module.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Introductory_line_between_announcement_and_list_is_removed_too()
    {
        var module = Import(Intro + "<h2>Reflection</h2><p>Consider the following:</p><ul><li>A</li><li>B</li></ul>" + Outro);

        Assert.Equal(["A", "B"], module.Prompts);
        AssertBodyIsIntroAndOutroOnly(module);
    }

    [Fact]
    public void Several_announcement_blocks_give_all_prompts_in_order()
    {
        var module = Import(
            "<p><strong>Reflect on</strong></p><blockquote><p>Early question?</p></blockquote>" + Intro +
            "<h3>Reflective exercise</h3><ol><li>Later task</li></ol>" + Outro +
            "<p>Questions for reflection</p><p>Last question?</p>");

        Assert.Equal(["Early question?", "Later task", "Last question?"], module.Prompts);
        AssertBodyIsIntroAndOutroOnly(module);
    }

    [Fact]
    public void Page_without_announcement_has_no_prompts_and_an_intact_body()
    {
        var content = "<h2>Background</h2><p>Why do we co-create?</p><blockquote><p>A quote.</p></blockquote><ul><li>Item</li></ul>";

        var module = Import(content);

        Assert.Empty(module.Prompts);
        Assert.Empty(module.Literature);
        Assert.Equal(new HtmlContentSanitizer().Sanitize(content), module.BodyHtml);
    }

    [Fact]
    public void Announcement_without_a_prompt_block_is_left_in_the_body()
    {
        var content = "<h2>Reflection</h2><p>This section is about reflection in practice.</p>";

        var module = Import(content);

        Assert.Empty(module.Prompts);
        Assert.Equal("<h2>Reflection</h2>\n<p>This section is about reflection in practice.</p>", module.BodyHtml);
    }

    [Fact]
    public void Long_paragraph_mentioning_reflection_is_not_an_announcement()
    {
        var content = "<p>Please reflect upon the way your organisation works before answering.</p><ul><li>Stays</li></ul>";

        var module = Import(content);

        Assert.Empty(module.Prompts);
        Assert.Contains("<li>Stays</li>", module.BodyHtml, StringComparison.Ordinal);
    }
}
