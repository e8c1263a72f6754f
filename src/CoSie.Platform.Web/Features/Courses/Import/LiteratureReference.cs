namespace CoSie.Platform.Web.Features.Courses.Import;

public sealed record LiteratureReference(string Text, string Html, IReadOnlyList<string> Urls);
