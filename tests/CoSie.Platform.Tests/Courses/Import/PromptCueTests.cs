using System.Text;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

// One test per shape in which courses set their prompts, and per platform language; the corpus tests measure them on
// whole pages.
public sealed class PromptCueTests
{
    private static ImportedModule Import(string content)
    {
        var result = Importers.Create().Parse("page.json", WordPressJson.Page("Module", content));
        Assert.True(result.Succeeded, result.Error?.Message);
        return Assert.Single(result.Modules);
    }

    public static TheoryData<string, string> HeadingsByLanguage() => new()
    {
        { "en", "Questions to consider" },
        { "fi", "Pohdittavaa" },
        { "sv", "Reflektionsfrågor" },
        { "et", "Arutelu küsimused" },
        { "pl", "Do przemyślenia" },
        { "hu", "Gondolkodj el" },
        { "nl", "Vragen ter reflectie" },
        { "it", "Spunti di riflessione" },
        { "es", "Preguntas para reflexionar" },
        { "el", "Ερωτήσεις για συζήτηση" },
    };

    [Theory]
    [MemberData(nameof(HeadingsByLanguage))]
    public void A_heading_announcing_questions_gives_its_list_in_every_language(string language, string heading)
    {
        var module = Import($"<p>Intro {language}.</p><h3>{heading}</h3><ul><li>One</li><li>Two</li></ul><p>After.</p>");

        Assert.Equal(["One", "Two"], module.Prompts);
        Assert.Equal([$"Found under the heading “{heading}”.", $"Found under the heading “{heading}”."], module.PromptReasons);
        Assert.DoesNotContain(heading, module.BodyHtml, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ChallengesByLanguage() => new()
    {
        { "Challenge", "Can you make the title scroll?" },
        { "Haaste", "Voitko saada otsikon vierimään?" },
        { "Utmaning", "Sök andra dataset om fåglar." },
        { "Väljakutse", "Kas saate pealkirja kerima panna?" },
        { "🚀 Wyzwanie", "Naszkicuj różnice między AI i ML." },
        { "🚀Kihívás", "Mit fedezel fel?" },
        { "Uitdaging", "Kun je de titel laten scrollen?" },
        { "🚀Sfida", "Cosa scopri?" },
        { "Desafío", "Dibuja las diferencias entre IA y ML." },
        { "Πρόκληση", "Μπορείτε να κάνετε τον τίτλο να κυλάει;" },
    };

    [Theory]
    [MemberData(nameof(ChallengesByLanguage))]
    public void A_challenge_section_gives_its_task(string heading, string task)
    {
        var module = Import($"<p>Lesson text.</p><h2>{heading}</h2><p>{task}</p><h2>Quiz</h2><p>Link.</p>");

        Assert.Equal([task], module.Prompts);
    }

    [Fact]
    public void A_challenge_takes_its_task_but_not_a_list_of_statements()
    {
        var module = Import(
            "<h2>🚀 Challenge</h2><p>To prevent biases, we should:</p><ul><li>have diverse teams</li><li>invest in datasets</li></ul>" +
            "<p>Think about real-life scenarios. What else should we consider?</p>");

        Assert.Equal(["Think about real-life scenarios. What else should we consider?"], module.Prompts);
        Assert.Contains("have diverse teams", module.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_study_section_gives_only_its_questions()
    {
        var module = Import(
            "<h2>Review &amp; Self Study</h2><p>Study old and new tags. Can you tell why some were deprecated?</p>" +
            "<p>Learn more on <a href=\"https://example.org\">the web</a>.</p>");

        Assert.Equal(["Study old and new tags. Can you tell why some were deprecated?"], module.Prompts);
    }

    [Fact]
    public void A_label_before_a_list_gives_the_list()
    {
        var module = Import("<p><strong>Pysähdy ja pohdi</strong>: Ennen kuin jatkat, varmista että ymmärrät:</p><ul><li>✅ Miksi DOCTYPE tarvitaan</li><li>✅ Mitä juurielementti sisältää</li></ul>");

        Assert.Equal(["Miksi DOCTYPE tarvitaan", "Mitä juurielementti sisältää"], module.Prompts);
        Assert.All(module.PromptReasons, reason => Assert.Equal("Found after “Pysähdy ja pohdi”.", reason));
    }

    [Fact]
    public void A_label_before_a_question_gives_the_question()
    {
        var module = Import("<p><strong>Snabb självtest</strong>: Kan du förklara med egna ord vad rendering betyder?</p>");

        Assert.Equal(["Kan du förklara med egna ord vad rendering betyder?"], module.Prompts);
    }

    [Fact]
    public void Marked_paragraphs_are_prompts_when_they_ask_or_set_a_task_and_notes_are_not()
    {
        var module = Import(
            "<p>✅ Do a little research to find a real-world example.</p>" +
            "<p>✅ <strong>Discussion</strong>: Revisit the examples and see if they show different harms.</p>" +
            "<p>✅ Stop and Think: What other groups are likely to be affected?</p>" +
            "<p>✅ In a future lesson, you will see how to build this matrix in code</p>" +
            "<p>✅ Obs, du kan filtrera bort fåglarna.</p>");

        Assert.Equal(
            ["Do a little research to find a real-world example.", "Revisit the examples and see if they show different harms.", "What other groups are likely to be affected?"],
            module.Prompts);
        Assert.All(module.PromptReasons, reason => Assert.Equal("Marked “✅” in the text.", reason));
        Assert.Contains("In a future lesson", module.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_in_a_callout_is_a_prompt_without_its_label_and_a_callout_that_answers_itself_is_not()
    {
        var module = Import(
            "<blockquote><p>🤔 <strong>Pohdittavaa</strong>: Mitä tapahtuisi, jos muuttaisit leveyden? Lue lisää.</p></blockquote>" +
            "<blockquote><p>🤔 <strong>Noterar du något?</strong>: Även om du lade till markup syns inget.</p></blockquote>" +
            "<blockquote><p>💡 <strong>Tip</strong>: Hover over a tag.</p></blockquote>");

        Assert.Equal(["Mitä tapahtuisi, jos muuttaisit leveyden? Lue lisää."], module.Prompts);
        Assert.Equal(["A question in a callout or quote."], module.PromptReasons);
        Assert.Contains("Mitä tapahtuisi", module.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_question_line_of_a_quote_is_its_own_prompt()
    {
        var module = Import("<blockquote><p>How many categories are there?<br>How many birds are extinct?</p></blockquote>");

        Assert.Equal(["How many categories are there?", "How many birds are extinct?"], module.Prompts);
    }

    [Fact]
    public void A_callout_box_keeps_its_question_as_a_prompt()
    {
        var module = Import("<p>Text.</p><div class=\"callout activity-box\"><p>What would you change in your own service?</p></div>");

        Assert.Equal(["What would you change in your own service?"], module.Prompts);
        Assert.Contains("<blockquote>", module.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_left_for_the_comments_is_a_prompt_and_a_feedback_request_is_noted_instead()
    {
        var module = Import(
            "<p><strong>What do you want to save for?&nbsp;</strong><br>Share in the comments below!</p>" +
            "<h3>Why do you want to create a budget? </h3><p>Tell us in the comments below! </p>" +
            "<h3><strong>Was this course helpful to you?</strong></h3><p>Let us know in the comments below!</p>");

        Assert.Equal(["What do you want to save for?", "Why do you want to create a budget?"], module.Prompts);
        Assert.All(module.PromptReasons, reason => Assert.Equal("A question the page asks readers to answer in the comments.", reason));
        Assert.Equal(["“Was this course helpful to you?” was not taken as a prompt: it asks for feedback on the course."], module.ContentNotes);
    }

    [Fact]
    public void A_page_ending_with_a_question_gives_it()
    {
        var module = Import("<p>Revenue minus costs is profit.</p><h2>How many cups would he have to sell?</h2>");

        Assert.Equal(["How many cups would he have to sell?"], module.Prompts);
        Assert.Equal(["The question the page ends with."], module.PromptReasons);
    }

    [Fact]
    public void A_paragraph_opening_with_a_thinking_cue_is_a_prompt_but_rhetorical_questions_are_not()
    {
        var module = Import(
            "<p>Why do customers buy from you? What do they gain? The value proposition answers this.</p>" +
            "<p>Think back to your model. Make a list of the benefits.</p>" +
            "<p>Imagine what can happen when data lacks groups. What is the consequence?</p>");

        Assert.Equal(["Think back to your model. Make a list of the benefits."], module.Prompts);
        Assert.Equal(["Opens with “Think back”."], module.PromptReasons);
    }

    [Fact]
    public void Greek_questions_end_with_the_greek_question_mark()
    {
        var module = Import("<p>✅ Παρατηρήσατε ότι κάθε εικόνα έχει το ίδιο alt tag; Γιατί;</p>");

        Assert.Equal(["Παρατηρήσατε ότι κάθε εικόνα έχει το ίδιο alt tag; Γιατί;"], module.Prompts);
    }

    [Fact]
    public void A_reflection_that_is_a_quiz_gives_no_prompts_and_says_so()
    {
        var markdown = "---\ntitle: Quiz\n---\n## Reflection\n\nAnswer the questions below to reflect.\n\n--- question ---\n\nHow do you test the circuit?\n\n--- choices ---\n\n- ( ) One way\n- (x) The other way\n\n--- /choices ---\n";

        var result = Importers.Create().Parse("quiz.md", Encoding.UTF8.GetBytes(markdown));

        var module = Assert.Single(result.Modules);
        Assert.Empty(module.Prompts);
        Assert.Equal(["The questions under “Reflection” were not taken as prompts: they are a quiz."], module.ContentNotes);
    }
}
