using CoSie.Platform.Web.Features.Synthesis;

namespace CoSie.Platform.Tests.Synthesis;

public sealed class YjsRuntimeTests
{
    private static readonly YjsRuntime Yjs = new(File.ReadAllText(BundleFile()));

    [Fact]
    public void Two_edits_from_the_same_starting_text_both_survive()
    {
        var start = Yjs.Edit(null, null, "agree", "We agree on one thing.", 1, 10_000);
        var snapshot = start.Snapshot;
        var first = Yjs.Edit(start.StateBytes, snapshot, "agree", "Alice: We agree on one thing.", 2, 10_000);
        var second = Yjs.Edit(first.StateBytes, snapshot, "agree", "We agree on one thing. Bob adds this.", 3, 10_000);

        Assert.True(second.Accepted);
        Assert.Equal("Alice: We agree on one thing. Bob adds this.", second.Texts!["agree"]);
    }

    [Fact]
    public void An_update_merges_into_a_document_that_has_moved_on()
    {
        var start = Yjs.Edit(null, null, "differ", "abc", 1, 10_000);
        var mine = Yjs.Edit(start.StateBytes, start.Snapshot, "differ", "abcX", 2, 10_000);
        var theirs = Yjs.Edit(start.StateBytes, start.Snapshot, "differ", "Yabc", 3, 10_000);

        var merged = Yjs.Merge(mine.StateBytes, Convert.FromBase64String(theirs.Update!), 10_000);

        Assert.True(merged.Accepted);
        Assert.Equal("YabcX", merged.Texts!["differ"]);
        Assert.Equal(["differ"], merged.Sections);
        Assert.Equal([3d], merged.Clients);
    }

    [Fact]
    public void Bytes_that_are_no_update_are_refused()
    {
        var start = Yjs.Edit(null, null, "agree", "text", 1, 10_000);

        var merged = Yjs.Merge(start.StateBytes, [0xff, 0xff, 0xff, 0x01, 0x02, 0x03, 0x04], 10_000);

        Assert.Equal("malformed", merged.Error);
    }

    [Fact]
    public void A_text_over_the_limit_is_refused()
    {
        var merged = Yjs.Edit(null, null, "agree", new string('a', 101), 1, 100);

        Assert.Equal("too-long", merged.Error);
    }

    [Fact]
    public void Paragraphs_are_attributed_to_the_clients_that_wrote_them()
    {
        var start = Yjs.Edit(null, null, "questions", "First by one.", 11, 10_000);
        var more = Yjs.Edit(start.StateBytes, start.Snapshot, "questions", "First by one.\nSecond by two.", 22, 10_000);

        var reading = Yjs.Read(more.StateBytes);

        Assert.Equal(2, reading.Paragraphs["questions"].Count);
        Assert.Equal(["11"], reading.Paragraphs["questions"][0].Clients.Keys);
        Assert.Equal(14, reading.Paragraphs["questions"][1].Clients["22"]);
    }

    private static string BundleFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoSie.Platform.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory!.FullName, "src", "CoSie.Platform.Web", "wwwroot", YjsRuntime.BundlePath);
    }
}
