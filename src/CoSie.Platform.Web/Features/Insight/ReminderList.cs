namespace CoSie.Platform.Web.Features.Insight;

// The worklists a reminder is sent from, by the names their forms carry.
public static class ReminderList
{
    public const string NotAnswered = "not-answered";
    public const string NotReplied = "not-replied";

    public static bool IsKnown(string? name) => name is NotAnswered or NotReplied;
}
