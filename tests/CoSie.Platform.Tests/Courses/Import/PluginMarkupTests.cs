using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class PluginMarkupTests
{
    private static ImportedModule Import(string content)
    {
        var result = Importers.Create().Parse("page.json", WordPressJson.Page("Module", content));
        Assert.True(result.Succeeded, result.Error?.Message);
        return Assert.Single(result.Modules);
    }

    [Fact]
    public void A_learndash_quiz_is_removed_with_a_note_and_its_question_is_no_prompt()
    {
        var page = PromptCorpus.Pages.Single(page => page.File.StartsWith("learndash-313-", StringComparison.Ordinal));

        var module = Assert.Single(Importers.Create().Parse(page.File, PromptCorpus.Read(page)).Modules);

        Assert.DoesNotContain("Quiz is loading", module.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Question 1", module.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Observe your community", module.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(["Removed the LearnDash (WP Pro Quiz) quiz: it works only inside WordPress."], module.ContentNotes);
    }

    [Theory]
    [InlineData("<div class=\"gform_wrapper\"><form id=\"gform_1\"><label>Your name?</label><input name=\"a\"></form></div>", "Removed the Gravity Forms form: it works only inside WordPress.")]
    [InlineData("<div class=\"wpcf7 js\"><form><p>Your message?</p><textarea></textarea></form></div>", "Removed the Contact Form 7 form: it works only inside WordPress.")]
    [InlineData("<div class=\"wpforms-container\"><form class=\"wpforms-form\"><label>Have you created a business model before?</label></form></div>", "Removed the WPForms form: it works only inside WordPress.")]
    [InlineData("<div class=\"h5p-iframe-wrapper\"><iframe class=\"h5p-iframe\" src=\"about:blank\"></iframe></div>", "Removed the H5P quiz: it works only inside WordPress.")]
    [InlineData("<p>[wpforms id=\"12\" title=\"false\"]</p>", "Removed the WPForms form: it works only inside WordPress.")]
    [InlineData("<p>[ld_quiz quiz_id=\"530\"]</p>", "Removed the LearnDash (WP Pro Quiz) quiz: it works only inside WordPress.")]
    public void Form_and_quiz_plugins_are_removed_with_a_note(string markup, string note)
    {
        var module = Import("<p>Lesson text.</p>" + markup);

        Assert.Equal("<p>Lesson text.</p>", module.BodyHtml);
        Assert.Empty(module.Prompts);
        Assert.Equal([note], module.ContentNotes);
    }
}
