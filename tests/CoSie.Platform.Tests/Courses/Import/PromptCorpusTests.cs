using System.Globalization;
using CoSie.Platform.Web.Features.Courses.Import;
using Xunit.Abstractions;

namespace CoSie.Platform.Tests.Courses.Import;

// Detection measured on real course pages (Corpus/README.md), against prompts written down from reading each page.
public sealed class PromptCorpusTests(ITestOutputHelper output)
{
    private const double Target = 0.95;

    [Fact]
    public void Corpus_has_at_least_thirty_pages_in_all_ten_languages()
    {
        Assert.True(PromptCorpus.Pages.Count >= 30, $"{PromptCorpus.Pages.Count} pages");
        Assert.Equal(["el", "en", "es", "et", "fi", "hu", "it", "nl", "pl", "sv"], PromptCorpus.Pages.Select(page => page.Language).Distinct().Order());
        Assert.All(PromptCorpus.Pages, page => Assert.False(string.IsNullOrWhiteSpace(page.Licence), page.File));
    }

    [Fact]
    public void Detection_on_the_corpus_reaches_the_target_precision_and_recall()
    {
        // The time bound guards requests; here the first page also pays for warming up, which says nothing of detection.
        var importer = Importers.Create(new ImportLimits { TimeoutSeconds = 60 });
        int matched = 0, detected = 0, expected = 0;
        foreach (var page in PromptCorpus.Pages)
        {
            var (fileName, content) = PromptCorpus.AsUpload(page);
            var result = importer.Parse(fileName, content);
            Assert.True(result.Succeeded, $"{page.File}: {result.Error?.Message}");
            var score = PromptCorpus.Score(page.Expected, result.Modules.SelectMany(module => module.Prompts).ToList());
            matched += score.Matched;
            detected += score.Detected;
            expected += score.Expected;
            output.WriteLine($"{page.File} ({page.Language}): {score.Matched} of {score.Expected} expected found, {score.Detected} detected");
            foreach (var missed in score.Missed)
            {
                output.WriteLine($"    missed: {missed}");
            }

            foreach (var extra in score.Extra)
            {
                output.WriteLine($"    not expected: {extra}");
            }
        }

        var precision = detected == 0 ? 1 : (double)matched / detected;
        var recall = expected == 0 ? 1 : (double)matched / expected;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Corpus: {PromptCorpus.Pages.Count} pages, {expected} expected prompts, {detected} detected, {matched} matched; precision {precision:0.000}, recall {recall:0.000}"));

        Assert.True(precision >= Target, string.Create(CultureInfo.InvariantCulture, $"precision {precision:0.000} is below {Target}"));
        Assert.True(recall >= Target, string.Create(CultureInfo.InvariantCulture, $"recall {recall:0.000} is below {Target}"));
    }
}
