namespace CoSie.Platform.Web.Features.Insight;

// Posts of one day in the institution's time zone.
public sealed class DayRow
{
    public DateOnly Day { get; set; }
    public int Reflections { get; set; }
    public int Replies { get; set; }
}
