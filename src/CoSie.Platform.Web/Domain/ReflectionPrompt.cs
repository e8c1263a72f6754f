namespace CoSie.Platform.Web.Domain;

// A question learners answer with a reflection; each answer becomes a discussion thread.
public sealed class ReflectionPrompt : ITenantOwned
{
    public const int MaxLength = 2_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid ModuleId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
}
