using System.Globalization;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Why a live site could not be read, worded when the import's page is written: Number is the answer's page, its HTTP
// status, the pages the site has or the seconds it asked to wait, by kind.
public sealed record SiteProblem(SiteProblemKind Kind, string Address, int Number = 0, int Limit = 0)
{
    public string Describe(IStringLocalizer localizer) => Kind switch
    {
        SiteProblemKind.NotHttps => localizer["Enter the site's address starting with https://."],
        SiteProblemKind.RefusedAddress => localizer["{site} resolves to an address inside a private network, which imports may not reach.", Address],
        SiteProblemKind.Unreachable => localizer["{site} could not be reached; check the address.", Address],
        SiteProblemKind.TimedOut => localizer["{site} did not answer within {seconds, plural, one {# second} other {# seconds}}.", Address, Limit],
        SiteProblemKind.Status => localizer["{site} answered with status {status} for page {page} of its content.", Address, Number.ToString(CultureInfo.InvariantCulture), Limit],
        SiteProblemKind.NoSuchType => localizer["{site} has no content of this type in its REST API (it answered 404); choose another type or check the address.", Address],
        SiteProblemKind.NotJson => localizer["Page {page} of the content of {site} is not a WordPress REST answer (a JSON array of objects).", Number, Address],
        SiteProblemKind.TooManyPages => localizer["{site} has {count} pages of content of 100 items each; an import reads at most {max}.", Address, Number, Limit],
        SiteProblemKind.TooLarge => localizer["The content of {site} is larger than {limit} MB, the limit of one import.", Address, (Limit / (1024.0 * 1024)).ToString("0.#", CultureInfo.CurrentCulture)],
        SiteProblemKind.WaitTooLong => localizer["{site} asked to wait {seconds, plural, one {# second} other {# seconds}} before more requests, longer than an import waits; try again later.", Address, Number],
        SiteProblemKind.Empty => localizer["{site} has no published content of this type.", Address],
        _ => throw new InvalidOperationException($"No words for {Kind}."),
    };
}
