namespace CoSie.Platform.Web.Domain;

// Why Slugs refuses a slug; the pages say it in the reader's language (ProblemTexts).
public enum SlugProblem
{
    Missing,
    Length,
    Shape,
    Reserved,
}
