using CoSie.Platform.Web.Content;

// Every value named, no discard, so a new part fails the build until it has its words.
#pragma warning disable CS8524

namespace CoSie.Platform.Web.Features.Courses.Import;

// The bounds of one file's parse: its elements counted across all its pages, and the time it has left. Each refusal
// says which limit was hit and where, so the person importing knows what to change.
internal sealed class ImportBudget : IDisposable
{
    private readonly ImportLimits _limits;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer _localizer;
    private readonly DateTimeOffset _deadline;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private int _elements;

    public ImportBudget(ImportLimits limits, TimeProvider clock, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        _limits = limits;
        _clock = clock;
        _localizer = localizer;
        _deadline = clock.GetUtcNow().AddSeconds(limits.TimeoutSeconds);
        _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(limits.TimeoutSeconds), clock);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
        Place = localizer["the start"];
    }

    public ImportLimits Limits => _limits;

    // Cancelled when the time is up or the request ends; the sanitizer checks it between its steps.
    public CancellationToken Token => _linked.Token;

    // Where the parse is, in the words of the refusal when time runs out.
    public string Place { get; private set; }

    // Called between the stages of the parse.
    public void Enter(string place)
    {
        Place = place;
        Check();
    }

    public void Check()
    {
        if (_clock.GetUtcNow() >= _deadline || _timeout.IsCancellationRequested)
        {
            throw TimedOut();
        }
        _linked.Token.ThrowIfCancellationRequested();
    }

    public ImportLimitExceededException TimedOut() => new(_localizer[
        "Reading the file took longer than {seconds, plural, one {# second} other {# seconds}}, the limit for one file; it stopped at {place}. Split the file into smaller ones.",
        _limits.TimeoutSeconds, Place]);

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }

    // Raw HTML from the file, before any parser or sanitizer sees it. part says which part of the page the HTML is,
    // for the refusal's "line N of its content"; HTML made from Markdown has no lines of the file to point to.
    public void Measure(string html, string where, PagePart? part = null)
    {
        var scan = HtmlNestingScan.Scan(html, _limits.MaxDepth, _limits.MaxElements - _elements);
        _elements += scan.Elements;
        switch (scan.Problem)
        {
            case HtmlNestingProblem.TooDeep:
                throw new ImportLimitExceededException(_localizer[
                    "{place} nests its elements more than {max} deep ({element}); the limit is {max}.",
                    where, _limits.MaxDepth, At(html, scan, part)]);
            case HtmlNestingProblem.TooManyElements:
                throw new ImportLimitExceededException(_localizer[
                    "The file has more than {max, plural, one {# HTML element} other {# HTML elements}}, the limit for one file; {place} goes past it ({element}). Split the file into smaller ones.",
                    _limits.MaxElements, where, At(html, scan, part)]);
        }
    }

    // Markdown nesting too deep for Markdown's own reader, which refuses it before any HTML exists.
    public ImportLimitExceededException MarkdownTooDeep(string where) => new(_localizer[
        "{place} nests quotes, lists or emphasis far more than {max} deep; the limit is {max}.", where, _limits.MaxDepth]);

    // The offending tag and the text that follows it, with its line and column where the HTML is the file's own.
    private string At(string html, HtmlNestingResult scan, PagePart? part)
    {
        var position = scan.Position;
        var near = HtmlFragments.CollapseWhitespace(html.Substring(position, Math.Min(60, html.Length - position)));
        if (part is not { } measured)
        {
            return _localizer["a <{tag}> at “{text}…”", scan.Tag, near];
        }
        var line = 1 + html.AsSpan(0, position).Count('\n');
        var column = position - html.LastIndexOf('\n', Math.Max(0, position - 1));
        return measured switch
        {
            PagePart.Title => _localizer["a <{tag}> on line {line}, column {column} of its title, at “{text}…”", scan.Tag, line, column, near],
            PagePart.Content => _localizer["a <{tag}> on line {line}, column {column} of its content, at “{text}…”", scan.Tag, line, column, near],
        };
    }
}
