using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class MediaMarkupTests
{
    private readonly HtmlContentSanitizer sanitizer = new();

    // The importer's order: give the markup its meaning, then clean.
    private (string Html, IReadOnlyList<ImportNote> Notes) Import(string html)
    {
        var (converted, notes) = MediaMarkup.Convert(html);
        return (sanitizer.Sanitize(converted), notes);
    }

    [Fact]
    public void An_audio_element_keeps_its_file_and_fallback_as_a_link_for_the_media_copy()
    {
        var (html, notes) = Import("<p>Listen:</p><audio controls><source src=\"https://example.org/talk.mp3\" type=\"audio/mpeg\">Download <b>the talk</b></audio>");

        Assert.Equal("<p>Listen:</p>\n<p><a href=\"https://example.org/talk.mp3\" data-media=\"audio\" rel=\"noopener noreferrer\">Download the talk</a></p>", html);
        Assert.Empty(notes);
    }

    [Fact]
    public void A_video_without_any_file_leaves_its_fallback_text_and_a_note()
    {
        var (html, notes) = Import("<video controls><p>A transcript of the film.</p></video>");

        Assert.Equal("<p>A transcript of the film.</p>", html);
        Assert.IsType<ImportNote.MediaWithoutSource>(Assert.Single(notes));
    }

    [Theory]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0\" title=\"The pilot\"></iframe>", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtube", "The pilot")]
    [InlineData("<p>https://youtu.be/dQw4w9WgXcQ</p>", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtube", "YouTube")]
    [InlineData("<p><a href=\"https://vimeo.com/76979871\">https://vimeo.com/76979871</a></p>", "https://player.vimeo.com/video/76979871?dnt=1", "vimeo", "Vimeo")]
    [InlineData("[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtube", "YouTube")]
    [InlineData("<figure class=\"wp-block-embed is-provider-youtube wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtube", "YouTube")]
    [InlineData("<iframe src=\"https://www.openstreetmap.org/export/embed.html?bbox=22.2%2C60.4%2C22.3%2C60.5&amp;layer=mapnik\"></iframe>", "https://www.openstreetmap.org/export/embed.html?bbox=22.2%2C60.4%2C22.3%2C60.5&layer=mapnik", "openstreetmap", "OpenStreetMap")]
    [InlineData("<iframe src=\"https://h5p.org/h5p/embed/617\"></iframe>", "https://h5p.org/h5p/embed/617", "h5p", "H5P")]
    public void An_allowed_provider_becomes_an_embed_link_in_its_private_form(string source, string embedUrl, string provider, string text)
    {
        var (html, notes) = Import(source);

        var link = Parse(html).QuerySelector("a")!;
        Assert.Equal(embedUrl, link.GetAttribute("href"));
        Assert.Equal(provider, link.GetAttribute("data-embed"));
        Assert.Equal(text, link.TextContent);
        Assert.IsType<ImportNote.EmbedPlaceholder>(Assert.Single(notes));
    }

    [Fact]
    public void A_frame_of_another_site_becomes_a_link_and_is_noted()
    {
        var (html, notes) = Import("<p>Map:</p><iframe src=\"https://maps.example/embed?x=1\" title=\"Our office\"></iframe>");

        Assert.Equal("<p>Map:</p>\n<p><a href=\"https://maps.example/embed?x=1\" rel=\"noopener noreferrer\">Our office</a></p>", html);
        Assert.Equal("https://maps.example/embed?x=1", Assert.IsType<ImportNote.EmbedLink>(Assert.Single(notes)).Url);
    }

    [Fact]
    public void A_plain_link_line_to_another_site_stays_as_it_was()
    {
        var (html, notes) = Import("<p>https://example.org/reading</p>");

        Assert.Equal("<p>https://example.org/reading</p>", html);
        Assert.Empty(notes);
    }

    [Fact]
    public void A_hand_made_embed_link_to_another_address_loses_its_mark()
    {
        var html = sanitizer.Sanitize("<p><a href=\"https://evil.example/x\" data-embed=\"youtube\">x</a></p>");

        Assert.DoesNotContain("data-embed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caption_shortcode_becomes_a_figure_with_its_caption()
    {
        var (html, notes) = Import("[caption id=\"attachment_5\" align=\"alignnone\" width=\"300\"]<img src=\"https://example.org/a.jpg\" alt=\"A pilot\" width=\"300\"> The Tampere pilot[/caption]");

        Assert.Equal("<figure><img src=\"https://example.org/a.jpg\" alt=\"A pilot\" width=\"300\"><figcaption>The Tampere pilot</figcaption></figure>", html);
        Assert.IsType<ImportNote.CaptionConverted>(Assert.Single(notes));
    }

    [Theory]
    [InlineData("[audio mp3=\"https://example.org/a.mp3\"][/audio]", "audio", "https://example.org/a.mp3")]
    [InlineData("[video width=\"640\" mp4=\"https://example.org/v.mp4\"][/video]", "video", "https://example.org/v.mp4")]
    [InlineData("[audio src='https://example.org/b.ogg']", "audio", "https://example.org/b.ogg")]
    public void Audio_and_video_shortcodes_become_links_to_their_file(string source, string kind, string url)
    {
        var (html, _) = Import(source);

        var link = Parse(html).QuerySelector("a")!;
        Assert.Equal(url, link.GetAttribute("href"));
        Assert.Equal(kind, link.GetAttribute("data-media"));
    }

    [Fact]
    public void A_gallery_and_a_dynamic_block_are_left_out_with_notes()
    {
        var (html, notes) = Import("<p>Before</p>[gallery ids=\"12,13\"]<!-- wp:latest-posts {\"postsToShow\":3} /--><!-- wp:paragraph --><p>After</p><!-- /wp:paragraph -->");

        Assert.Equal("<p>Before</p>\n<p>After</p>", html);
        Assert.Equal("12,13", notes.OfType<ImportNote.GalleryDropped>().Single().Ids);
        Assert.Equal("latest-posts", notes.OfType<ImportNote.BlockDropped>().Single().Name);
    }

    [Fact]
    public void Players_are_kept_only_for_files_on_this_site()
    {
        Assert.Equal(
            "<p><audio src=\"/inst/media/abc.mp3\" controls=\"\" preload=\"metadata\"><a href=\"/inst/media/abc.mp3\" rel=\"noopener noreferrer\">talk</a></audio></p>",
            sanitizer.Sanitize("<audio src=\"/inst/media/abc.mp3\" controls autoplay onplay=\"x()\"><a href=\"/inst/media/abc.mp3\">talk</a></audio>"));
        Assert.Equal("<p>talk</p>", sanitizer.Sanitize("<video src=\"https://evil.example/v.mp4\">talk</video>"));
        Assert.Equal("<p>talk</p>", sanitizer.Sanitize("<video src=\"//evil.example/v.mp4\">talk</video>"));
    }

    private static AngleSharp.Dom.IElement Parse(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        return document.Body;
    }
}
