namespace CoSie.Platform.Web.Hosting;

public static class RequestText
{
    public static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}
