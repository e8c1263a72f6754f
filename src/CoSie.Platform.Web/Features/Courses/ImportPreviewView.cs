using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Web.Features.Courses;

// What _ImportPreview shows: the pages of a read import, where they came from, and how a page's body looks cleaned.
public sealed record ImportPreviewView(
    List<ImportPageInput> Pages, string CourseSlug, string FileName, IReadOnlyList<LeftOut> LeftOut, string ConfirmUrl, Func<ImportPageInput, string> CleanBody,
    IReadOnlyList<ModuleUpdate?> Updates)
{
    public ModuleUpdate? UpdateOf(int page) => page < Updates.Count ? Updates[page] : null;
}
