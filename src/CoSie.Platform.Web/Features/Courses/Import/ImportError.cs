namespace CoSie.Platform.Web.Features.Courses.Import;

public sealed record ImportError(string Message, int? Line = null, int? Position = null);
