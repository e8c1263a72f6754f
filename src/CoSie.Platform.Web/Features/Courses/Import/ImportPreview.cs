namespace CoSie.Platform.Web.Features.Courses.Import;

// What a finished import offers for review, kept with its CourseImport until the instructor confirms it.
public sealed record ImportPreview(List<ImportPageInput> Pages, List<LeftOut> LeftOut);
