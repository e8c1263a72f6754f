namespace CoSie.Platform.Web.Features.Cohorts;

public sealed record RosterResult(int Line, string Email, string Name, RosterOutcome Outcome)
{
    public bool Succeeded => Outcome is RosterOutcome.Invited or RosterOutcome.InvitedAgain;
}
