using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Cohorts;

// The settings a cohort is created with and later edited; the create and edit pages extend it.
public class CohortSettingsInput
{
    public const int MaxEditWindowMinutes = 1440;
    public const int MaxExpectedPeerReplies = 20;

    [Required(ErrorMessage = "Enter a name.")]
    [StringLength(200, ErrorMessage = "Use at most 200 characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter a start date.")]
    [DataType(DataType.Date)]
    [Display(Name = "Starts on")]
    public DateOnly? StartsOn { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Ends on")]
    public DateOnly? EndsOn { get; set; }

    [Display(Name = "Learners must post their own reflection before they see their peers'")]
    public bool PostFirst { get; set; } = true;

    [Range(0, MaxEditWindowMinutes, ErrorMessage = "Enter a number of minutes from 0 to 1440.")]
    [Display(Name = "Edit window (minutes)")]
    public int EditWindowMinutes { get; set; } = Cohort.DefaultEditWindowMinutes;

    [Display(Name = "Learners see their peers' reflections as soon as they post, without waiting for the edit window")]
    public bool RevealOnPost { get; set; }

    [Range(0, MaxExpectedPeerReplies, ErrorMessage = "Enter a number from 0 to 20.")]
    [Display(Name = "Replies to peers expected per prompt")]
    public int ExpectedPeerReplies { get; set; }

    [Display(Name = "Digest day")]
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    [Range(0, 23, ErrorMessage = "Enter an hour from 0 to 23.")]
    [Display(Name = "Digest hour")]
    public int DigestHour { get; set; } = 8;

    public bool EndsBeforeStart => StartsOn is { } start && EndsOn is { } end && end < start;

    public void ApplyTo(Cohort cohort)
    {
        cohort.Name = Name.Trim();
        cohort.StartsOn = StartsOn!.Value;
        cohort.EndsOn = EndsOn;
        cohort.PostFirst = PostFirst;
        cohort.EditWindowMinutes = EditWindowMinutes;
        cohort.RevealOnPost = RevealOnPost;
        cohort.ExpectedPeerReplies = ExpectedPeerReplies;
        cohort.DigestDay = DigestDay;
        cohort.DigestHour = DigestHour;
    }

    public void CopyFrom(Cohort cohort)
    {
        Name = cohort.Name;
        StartsOn = cohort.StartsOn;
        EndsOn = cohort.EndsOn;
        PostFirst = cohort.PostFirst;
        EditWindowMinutes = cohort.EditWindowMinutes;
        RevealOnPost = cohort.RevealOnPost;
        ExpectedPeerReplies = cohort.ExpectedPeerReplies;
        DigestDay = cohort.DigestDay;
        DigestHour = cohort.DigestHour;
    }
}
