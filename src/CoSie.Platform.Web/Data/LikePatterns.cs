namespace CoSie.Platform.Web.Data;

// Text a person typed, made literal inside a LIKE or ILIKE pattern: backslash (PostgreSQL's default escape), % and _
// lose their meaning, so "50%" finds "50%" and not everything starting with "50".
public static class LikePatterns
{
    public static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
