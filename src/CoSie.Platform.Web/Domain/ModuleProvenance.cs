namespace CoSie.Platform.Web.Domain;

// Where an imported module came from, kept for the instructor and for re-imports.
public sealed class ModuleProvenance
{
    public string Kind { get; set; } = string.Empty;
    public string? SourceUrl { get; set; }
    public string? SourceId { get; set; }
    public string? FileName { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
