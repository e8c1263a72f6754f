namespace CoSie.Platform.Web.Domain;

// Why SlugRules refuses a slug; the pages say it in the reader's language.
public enum SlugProblem
{
    Missing,
    Length,
    Shape,
    Reserved,
}
