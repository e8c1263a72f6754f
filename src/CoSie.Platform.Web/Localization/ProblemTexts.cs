// As in EnumTexts: every value named, no discard, so a new problem fails the build until it has its words.
#pragma warning disable CS8524

namespace CoSie.Platform.Web.Localization;

// What a refused slug or host name says to the person. The domain rules name the problem; the words are chosen here,
// each a literal key, for every page that checks slugs or host names.
public static class ProblemTexts
{
    public static string Describe(this IStringLocalizer localizer, SlugProblem problem, SlugKind kind, string slug) => problem switch
    {
        SlugProblem.Missing => localizer["Enter a slug."],
        SlugProblem.Length => localizer["A slug has {min} to {max, plural, one {# character} other {# characters}}.", kind.MinLength, kind.MaxLength],
        SlugProblem.Shape => localizer["Use lowercase letters, digits and hyphens only, starting and ending with a letter or digit."],
        SlugProblem.Reserved => kind.Owner == SlugOwner.Institution
            ? localizer["“{slug}” is reserved by the platform; choose another slug.", slug]
            : localizer["“{slug}” is used by the course pages; choose another slug.", slug],
    };

    public static string Describe(this IStringLocalizer localizer, HostNameProblem problem, string host) => problem switch
    {
        HostNameProblem.Address => localizer["“{host}” is an address, not a host name: leave out the scheme and the path (for example learn.example.org).", host],
        HostNameProblem.Port => localizer["“{host}” carries a port; enter the host name alone.", host],
        HostNameProblem.TooLong => localizer["“{host}” is longer than a host name may be.", host],
        HostNameProblem.IpAddress => localizer["“{host}” is an IP address; an institution is bound to a host name.", host],
        HostNameProblem.Shape => localizer["“{host}” is not a valid host name: use letters, digits and hyphens, in labels of up to 63 characters separated by dots.", host],
    };
}
