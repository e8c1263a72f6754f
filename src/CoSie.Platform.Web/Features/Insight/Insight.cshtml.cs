using System.Globalization;
using CoSie.Platform.Web.Features.Cohorts;
using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Insight;

// For the cohort's instructors and the institution's admins: how the cohort's discussion goes, and whom to nudge.
// The filter is a GET form; input it cannot read is said back in words and the page shows nothing else.
[Authorize]
public sealed class InsightModel(CohortAccess access, CohortInsightQueries queries, SendReminders reminders, IStringLocalizer<InsightModel> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "prompt")]
    public string? Prompt { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "hours")]
    public string? Hours { get; set; }

    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<InsightPrompt> PromptChoices { get; private set; } = [];
    public InsightFilter Filter { get; private set; } = null!;
    public CohortInsight? Insight { get; private set; }
    public List<string> Errors { get; } = [];
    public IReadOnlyList<ReminderCandidate> NotAnswered { get; private set; } = [];
    public IReadOnlyList<ReminderCandidate> NotReplied { get; private set; } = [];
    public TimeZoneInfo TimeZone => queries.TimeZone;

    public InsightPrompt? ChosenPrompt => PromptChoices.FirstOrDefault(p => p.PromptId == Filter.PromptId);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        PromptChoices = await queries.PromptsAsync(Cohort, cancellationToken);
        Filter = Read();
        if (Errors.Count == 0)
        {
            Insight = await queries.LoadAsync(Cohort, Filter, PromptChoices, cancellationToken);
            if (Filter.PromptId is { } promptId)
            {
                NotAnswered = await reminders.CandidatesAsync(Cohort.Id, promptId, ReminderList.NotAnswered, cancellationToken);
                NotReplied = await reminders.CandidatesAsync(Cohort.Id, promptId, ReminderList.NotReplied, cancellationToken);
            }
        }
        return Page();
    }

    private InsightFilter Read()
    {
        var today = queries.Today;
        var example = DateInput.Example(today, CultureInfo.CurrentCulture);
        var to = ReadDate(To, today, localizer["The end date is not a date: write it like {example}.", example]);
        var from = ReadDate(From, to.AddDays(1 - InsightFilter.DefaultDays), localizer["The start date is not a date: write it like {example}.", example]);
        if (Errors.Count == 0 && from > to)
        {
            Errors.Add(localizer["The start date is after the end date."]);
        }
        else if (Errors.Count == 0 && to.DayNumber - from.DayNumber + 1 > InsightFilter.MaxDays)
        {
            Errors.Add(localizer["Choose at most {count, plural, one {# day} other {# days}}.", InsightFilter.MaxDays]);
        }
        Guid? prompt = null;
        if (!string.IsNullOrEmpty(Prompt))
        {
            if (Guid.TryParse(Prompt, out var promptId) && PromptChoices.Any(p => p.PromptId == promptId))
            {
                prompt = promptId;
            }
            else
            {
                Errors.Add(localizer["Choose one of the course's prompts."]);
            }
        }
        CohortRole? role = Role switch
        {
            null or "" => null,
            _ when Enum.TryParse<CohortRole>(Role, ignoreCase: true, out var r) && r is CohortRole.Learner or CohortRole.Instructor => r,
            _ => Invalid<CohortRole?>(localizer["Choose learners, instructors or everyone."]),
        };
        var hours = InsightFilter.DefaultUnansweredHours;
        if (!string.IsNullOrEmpty(Hours)
            && (!int.TryParse(Hours, NumberStyles.None, CultureInfo.InvariantCulture, out hours) || hours < 1 || hours > InsightFilter.MaxUnansweredHours))
        {
            Errors.Add(localizer["Write the hours as a whole number from 1 to {max}.", InsightFilter.MaxUnansweredHours]);
            hours = InsightFilter.DefaultUnansweredHours;
        }
        return new InsightFilter(from, to, prompt, role, hours);
    }

    private DateOnly ReadDate(string? value, DateOnly fallback, string error)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        if (DateInput.TryRead(value, CultureInfo.CurrentCulture, out var date))
        {
            return date;
        }
        Errors.Add(error);
        return fallback;
    }

    private T Invalid<T>(string error)
    {
        Errors.Add(error);
        return default!;
    }
}
