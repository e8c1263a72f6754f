namespace CoSie.Platform.Web.Features.Courses;

// Why ModuleSlugs refuses a module's slug; ModuleSlugs.Describe says it in the reader's language.
public enum ModuleSlugProblem
{
    Shape,
    Reserved,
}
