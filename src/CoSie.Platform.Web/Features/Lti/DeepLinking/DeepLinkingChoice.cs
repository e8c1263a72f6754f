namespace CoSie.Platform.Web.Features.Lti.DeepLinking;

// One thing an instructor may link: a published module, or one of its prompts asked in every cohort. Its form value is
// "module:{id}" or "prompt:{id}"; its custom parameters are the ones a launch understands (LaunchLanding).
public sealed record DeepLinkingChoice(string Value, string Title, string CourseSlug, string ModuleSlug, Guid? PromptId)
{
    public Dictionary<string, string> Custom()
    {
        var custom = new Dictionary<string, string>(StringComparer.Ordinal) { ["course"] = CourseSlug, ["module"] = ModuleSlug };
        if (PromptId is { } prompt)
        {
            custom["prompt"] = prompt.ToString();
        }
        return custom;
    }
}
