namespace CoSie.Platform.Web.Domain;

public sealed class CourseModule : ITenantOwned
{
    public const int MaxBodyLength = 400_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CourseId { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public ModuleStatus Status { get; set; } = ModuleStatus.Draft;
    public BodyFormat Format { get; set; } = BodyFormat.Markdown;

    // The language the content is written in (a BCP 47 tag), so pages in another language still mark it for screen
    // readers and translation tools (WCAG 3.1.2); null where nobody said.
    public string? Language { get; set; }

    // What the author wrote (Markdown or HTML); BodyHtml is always its sanitized rendering.
    public string BodySource { get; set; } = string.Empty;
    public string BodyHtml { get; set; } = string.Empty;

    public List<LiteratureItem> Literature { get; set; } = [];
    public ModuleProvenance? Provenance { get; set; }
    public List<ReflectionPrompt> Prompts { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsPublished => Status == ModuleStatus.Published;
}
