namespace CoSie.Platform.Web.Features.Cohorts;

// A roster file read completely, or the reason it is refused as a whole.
public sealed record RosterFile(IReadOnlyList<RosterRow> Rows, string? Refusal)
{
    public static RosterFile Refused(string reason) => new([], reason);
}
