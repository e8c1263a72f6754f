namespace CoSie.Platform.Web.Domain;

// How often a member wants a cohort's digest; stored per cohort membership.
public enum DigestFrequency
{
    Weekly = 0,
    EveryTwoWeeks = 1,
    Off = 2,
}
