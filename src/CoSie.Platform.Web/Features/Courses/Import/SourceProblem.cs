namespace CoSie.Platform.Web.Features.Courses.Import;

// What a reader found wrong with a file, with the values its message needs. The readers are pure and know no
// language; ImportTexts words each problem for the person importing. Lines and positions count from one, as people
// do; AtLine and AtPosition are where the problem is, for the ImportError beside the words.
internal abstract record SourceProblem(int? AtLine = null, int? AtPosition = null)
{
    // Detail is the JSON parser's own description, without its location.
    public sealed record NotJson(int Line, int Position, string Detail) : SourceProblem(Line, Position);

    public sealed record JsonTooDeep(int Limit, int Line, int Position) : SourceProblem(Line, Position);

    public sealed record NotAPage(JsonFinding Found) : SourceProblem;

    public sealed record NoPages : SourceProblem;

    public sealed record ElementNotAPage(int Index, int Count, JsonFinding Found) : SourceProblem;

    // Front matter opens on the file's first line, so that is where the unclosed one starts.
    public sealed record FrontMatterNotClosed() : SourceProblem(1);

    // Detail is the YAML parser's own description, without its location.
    public sealed record FrontMatterNotYaml(int Line, int Column, string Detail) : SourceProblem(Line, Column);

    // The YAML parser failed without saying where; Line is the last place it did read.
    public sealed record FrontMatterUnreadable(int Line) : SourceProblem(Line);

    public sealed record FrontMatterTooDeep(int Limit, int Line) : SourceProblem(Line);

    public sealed record FrontMatterNotPairs(int Line, YamlShape Found) : SourceProblem(Line);

    public sealed record FieldNotText(string Field, int Line, YamlShape Found) : SourceProblem(Line);

    public sealed record FieldNotList(string Field, int Line) : SourceProblem(Line);

    public sealed record NoTitle : SourceProblem;

    // Detail is the XML parser's own description, without its location.
    public sealed record NotXml(int Line, int Position, string Detail) : SourceProblem(Line, Position);

    public sealed record XmlDocumentType(int Line) : SourceProblem(Line);

    public sealed record XmlTooDeep(int Limit, int Line, int Position) : SourceProblem(Line, Position);

    // Root is the name of the document's root element.
    public sealed record NotWordPressExport(string Root) : SourceProblem;

    public sealed record NoExportItems : SourceProblem;
}
