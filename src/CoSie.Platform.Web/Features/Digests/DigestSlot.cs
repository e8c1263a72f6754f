namespace CoSie.Platform.Web.Features.Digests;

// One weekly digest moment of one member: the instant, and its week key (the slot's local date).
public sealed record DigestSlot(DateTimeOffset Utc, DateOnly LocalDate)
{
    public string WeekKey => LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
