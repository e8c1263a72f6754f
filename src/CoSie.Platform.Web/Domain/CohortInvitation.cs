using System.Security.Cryptography;

namespace CoSie.Platform.Web.Domain;

// A personal invitation from a roster upload: it carries the role the person gets when they accept.
public sealed class CohortInvitation : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public required string Email { get; set; }
    public string Name { get; set; } = string.Empty;
    public CohortRole Role { get; set; }
    public string Token { get; set; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
