namespace CoSie.Platform.Web.Features.Cohorts;

// One data row of a roster file as written, with its line number in the file (the header is line 1).
public sealed record RosterRow(int Line, string Email, string Name, string Role, bool HasExtraColumns);
