namespace CoSie.Platform.Web.Features.Courses.Import;

// Where the scan stopped: Position is the index of the offending tag in the HTML, Tag its name.
internal readonly record struct HtmlNestingResult(int Elements, int Depth, HtmlNestingProblem Problem, int Position, string Tag);
