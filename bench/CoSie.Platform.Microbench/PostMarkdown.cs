using BenchmarkDotNet.Attributes;
using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Microbench;

// A post's Markdown to sanitized HTML, as every reply and reflection is turned on writing (PostBody).
[MemoryDiagnoser]
public class PostMarkdown
{
    private const string Post = """
        I agree with **Aino**: co-creation spreads when people *own* it. In our pilot:

        - the residents' panel set the agenda,
        - the [evaluation](https://example.org/report) came from the users,
        - and the budget followed.

        > Who was left out? The ones without time to come to meetings.

        @Bartek what did your city do about that? <script>alert(1)</script>
        """;

    private readonly MarkdownRenderer _markdown = new(new HtmlContentSanitizer());

    [Benchmark]
    public string RenderPost() => _markdown.RenderPost(Post);
}
