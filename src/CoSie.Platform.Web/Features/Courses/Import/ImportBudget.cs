using System.Globalization;
using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Web.Features.Courses.Import;

// The bounds of one file's parse: its elements counted across all its pages, and the time it has left. Each refusal
// says which limit was hit and where, so the person importing knows what to change.
internal sealed class ImportBudget : IDisposable
{
    private readonly ImportLimits limits;
    private readonly TimeProvider clock;
    private readonly DateTimeOffset deadline;
    private readonly CancellationTokenSource timeout;
    private readonly CancellationTokenSource linked;
    private int elements;

    public ImportBudget(ImportLimits limits, TimeProvider clock, CancellationToken cancellationToken)
    {
        this.limits = limits;
        this.clock = clock;
        deadline = clock.GetUtcNow().AddSeconds(limits.TimeoutSeconds);
        timeout = new CancellationTokenSource(TimeSpan.FromSeconds(limits.TimeoutSeconds), clock);
        linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
    }

    public ImportLimits Limits => limits;

    // Cancelled when the time is up or the request ends; the sanitizer checks it between its steps.
    public CancellationToken Token => linked.Token;

    // Where the parse is, for the refusal when time runs out.
    public string Place { get; private set; } = "the start";

    // Called between the stages of the parse.
    public void Enter(string place)
    {
        Place = place;
        Check();
    }

    public void Check()
    {
        if (clock.GetUtcNow() >= deadline || timeout.IsCancellationRequested)
        {
            throw TimedOut();
        }
        linked.Token.ThrowIfCancellationRequested();
    }

    public ImportLimitExceededException TimedOut() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"Reading the file took longer than {limits.TimeoutSeconds} seconds, the limit for one file; it stopped at {Place}. Split the file into smaller ones."));

    public void Dispose()
    {
        linked.Dispose();
        timeout.Dispose();
    }

    // Raw HTML from the file, before any parser or sanitizer sees it. contentName says where the HTML sits, for the
    // refusal's "line N of its content".
    public void Measure(string html, string where, string? contentName = null)
    {
        var scan = HtmlNestingScan.Scan(html, limits.MaxDepth, limits.MaxElements - elements);
        elements += scan.Elements;
        var at = At(html, scan.Position, contentName);
        switch (scan.Problem)
        {
            case HtmlNestingProblem.TooDeep:
                throw new ImportLimitExceededException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{where} nests its elements more than {limits.MaxDepth} deep (a <{scan.Tag}> {at}); the limit is {limits.MaxDepth}."));
            case HtmlNestingProblem.TooManyElements:
                throw new ImportLimitExceededException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The file has more than {limits.MaxElements:N0} HTML elements, the limit for one file; {where} goes past it (a <{scan.Tag}> {at}). Split the file into smaller ones."));
        }
    }

    // Markdown nesting too deep for Markdown's own reader, which refuses it before any HTML exists.
    public ImportLimitExceededException MarkdownTooDeep(string where) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{where} nests quotes, lists or emphasis far more than {limits.MaxDepth} deep; the limit is {limits.MaxDepth}."));

    private static string At(string html, int position, string? contentName)
    {
        if (position < 0)
        {
            return string.Empty;
        }
        var following = HtmlFragments.CollapseWhitespace(html.Substring(position, Math.Min(60, html.Length - position)));
        var near = $"at “{following}…”";
        if (contentName is null)
        {
            return near;
        }
        var line = 1 + html.AsSpan(0, position).Count('\n');
        var column = position - html.LastIndexOf('\n', Math.Max(0, position - 1));
        return string.Create(CultureInfo.InvariantCulture, $"on line {line}, column {column} of its {contentName}, {near}");
    }
}
