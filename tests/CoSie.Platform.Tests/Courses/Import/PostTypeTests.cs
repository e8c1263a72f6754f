using System.Text.Json.Nodes;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class PostTypeTests
{
    private static JsonObject Lesson(int id, string type, int? menuOrder = null, int? parent = null)
    {
        var lesson = new JsonObject
        {
            ["id"] = id,
            ["slug"] = $"lesson-{id}",
            ["type"] = type,
            ["title"] = new JsonObject { ["rendered"] = $"Lesson {id}" },
            ["content"] = new JsonObject { ["rendered"] = $"<p>Text {id}.</p>" },
        };
        if (menuOrder is not null)
        {
            lesson["menu_order"] = menuOrder;
        }

        if (parent is not null)
        {
            lesson["parent"] = parent;
        }

        return lesson;
    }

    private static IReadOnlyList<ImportedModule> Import(params JsonObject[] objects)
    {
        var result = Importers.Create().Parse("lessons.json", System.Text.Encoding.UTF8.GetBytes(new JsonArray([.. objects]).ToJsonString()));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Modules;
    }

    [Theory]
    [InlineData("sfwd-lessons")]
    [InlineData("lesson")]
    [InlineData("tutor_lesson")]
    [InlineData("post")]
    [InlineData("page")]
    public void Lessons_of_any_course_plugin_import_with_their_type(string type)
    {
        var module = Assert.Single(Import(Lesson(1, type)));

        Assert.Equal(type, module.PostType);
    }

    [Fact]
    public void A_course_arrives_in_menu_order_then_by_parent_then_as_listed()
    {
        var modules = Import(
            Lesson(1, "sfwd-lessons", menuOrder: 2),
            Lesson(2, "sfwd-lessons", menuOrder: 1, parent: 9),
            Lesson(3, "sfwd-lessons", menuOrder: 1, parent: 4),
            Lesson(4, "sfwd-lessons", menuOrder: 1, parent: 4),
            Lesson(5, "sfwd-lessons"));

        Assert.Equal(["5", "3", "4", "2", "1"], modules.Select(module => module.SourceId));
    }

    [Fact]
    public void The_recorded_learndash_lessons_import_with_their_prompts_and_type()
    {
        var lessons = PromptCorpus.Pages.Where(page => page.File.StartsWith("learndash-", StringComparison.Ordinal)).ToList();

        var modules = Import([.. lessons.Select(page => (JsonObject)JsonNode.Parse(PromptCorpus.Read(page))!)]);

        Assert.Equal(lessons.Count, modules.Count);
        Assert.All(modules, module => Assert.Equal("sfwd-lessons", module.PostType));
        Assert.Contains(modules, module => module.Prompts.Contains("Why do you want to create a budget?"));
    }

    [Fact]
    public void A_media_attachment_is_still_refused()
    {
        var result = Importers.Create().Parse("page.json", System.Text.Encoding.UTF8.GetBytes(Lesson(1, "attachment").ToJsonString()));

        Assert.Contains("of type “attachment”, which is not course content", result.Error!.Message, StringComparison.Ordinal);
    }
}
