namespace CoSie.Platform.Web.Domain;

public sealed class Institution
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<string> HostNames { get; set; } = [];
    public string TimeZoneId { get; set; } = "Europe/Brussels";
    public string DefaultCulture { get; set; } = "en-GB";
    public DateTimeOffset CreatedAt { get; set; }
}
