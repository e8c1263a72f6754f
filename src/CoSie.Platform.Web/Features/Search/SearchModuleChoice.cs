namespace CoSie.Platform.Web.Features.Search;

public sealed record SearchModuleChoice(Guid Id, string Title, IReadOnlyList<SearchPromptChoice> Prompts);

public sealed record SearchPromptChoice(Guid Id, string Text);
