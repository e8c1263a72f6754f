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

    [Fact]
    public void A_batch_keeps_each_update_and_leaves_out_only_the_one_refused()
    {
        var start = Yjs.Edit(null, null, "agree", "abc", 1, 20);
        var first = Yjs.Edit(start.StateBytes, start.Snapshot, "agree", "abcX", 2, 20);
        var tooLong = Yjs.Edit(start.StateBytes, start.Snapshot, "agree", "abc" + new string('z', 20), 3, 100);
        var last = Yjs.Edit(start.StateBytes, start.Snapshot, "agree", "Yabc", 4, 20);

        var batch = Yjs.MergeAll(start.StateBytes, [Convert.FromBase64String(first.Update!), Convert.FromBase64String(tooLong.Update!), Convert.FromBase64String(last.Update!)], 20);

        Assert.Equal("YabcX", batch.Texts["agree"]);
        Assert.Equal([null, "too-long", null], batch.Results.Select(r => r.Error));
        Assert.Equal(["agree"], batch.Results[0].Sections);
        Assert.Equal("YabcX", Yjs.Read(batch.StateBytes).Texts["agree"]);
    }

    [Fact]
    public void An_update_resting_on_one_earlier_in_the_batch_merges_and_one_resting_on_unknown_text_is_refused()
    {
        var start = Yjs.Edit(null, null, "try", "a", 1, 10_000);
        var first = Yjs.Edit(start.StateBytes, start.Snapshot, "try", "ab", 2, 10_000);
        var onFirst = Yjs.Edit(first.StateBytes, first.Snapshot, "try", "abc", 3, 10_000);

        var inOrder = Yjs.MergeAll(start.StateBytes, [Convert.FromBase64String(first.Update!), Convert.FromBase64String(onFirst.Update!)], 10_000);
        var alone = Yjs.MergeAll(start.StateBytes, [Convert.FromBase64String(onFirst.Update!)], 10_000);

        Assert.Equal("abc", inOrder.Texts["try"]);
        Assert.All(inOrder.Results, r => Assert.Null(r.Error));
        Assert.Equal("missing-history", alone.Results[0].Error);
        Assert.Equal("a", alone.Texts["try"]);
    }

    [Fact]
    public void The_check_before_relaying_names_the_clients_and_the_growth_and_refuses_what_is_no_text_update()
    {
        var start = Yjs.Edit(null, null, "agree", "abcdef", 1, 10_000);
        var edit = Yjs.Edit(start.StateBytes, start.Snapshot, "agree", "abXYZf", 7, 10_000);

        var check = Yjs.Check(Convert.FromBase64String(edit.Update!));
        var garbage = Yjs.Check([0xff, 0xff, 0xff, 0x01, 0x02, 0x03, 0x04]);

        Assert.True(check.Accepted);
        Assert.Equal([7d], check.Clients);
        Assert.Equal(0, check.Grows);
        Assert.Equal("malformed", garbage.Error);
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
