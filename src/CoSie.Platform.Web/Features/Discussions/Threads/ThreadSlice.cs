using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// The posts [Start, End) of a cached snapshot, written straight to the response with this person's slots filled:
// a page of a large thread costs the posts it shows, not the thread.
public sealed class ThreadSlice(ThreadRenderer renderer, ThreadSnapshot snapshot, PersonalView person, int start, int end) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var scratch = new StringBuilder(512);
        for (var i = start; i < end; i++)
        {
            renderer.WritePost(writer, snapshot, i, person, scratch);
        }
    }
}
