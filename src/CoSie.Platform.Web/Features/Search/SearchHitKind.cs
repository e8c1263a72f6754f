namespace CoSie.Platform.Web.Features.Search;

public enum SearchHitKind
{
    Reflection,
    Reply,
    Prompt,
    Module,
}
