namespace CoSie.Platform.Web.Features.Courses;

public sealed record ModuleFormView(ModuleInput Input, string PreviewHtml, string PreviewUrl, string CancelUrl, bool IsPublished);
