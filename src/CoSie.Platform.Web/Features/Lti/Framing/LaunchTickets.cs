using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Lti.Framing;

// The ticket a launch hands to the step after it (Continue): 32 random bytes, kept only as their hash, for this
// institution, the account the launch signed in, its registration and its destination, for a few minutes, and used
// once, by whichever comes first: the frame that kept the session's cookie, or the window of its own (Open) that a
// browser refusing it opens. A ticket found under another institution's address is no ticket there.
public sealed class LaunchTickets(PlatformDbContext db, TenantContext tenant, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<string> IssueAsync(Guid platformId, Guid userId, string destination, CancellationToken cancellationToken)
    {
        var ticket = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        db.LtiLaunchTickets.Add(new LtiLaunchTicket
        {
            Hash = Hash(ticket),
            PlatformId = platformId,
            UserId = userId,
            Destination = destination,
            ExpiresAt = clock.GetUtcNow() + Lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    // The ticket's launch if it is still usable here; it stays usable.
    public Task<LtiLaunchTicket?> FindAsync(string? ticket, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(ticket))
        {
            return Task.FromResult<LtiLaunchTicket?>(null);
        }
        var hash = Hash(ticket!);
        var now = clock.GetUtcNow();
        var institutionId = tenant.Required.Id;
        return db.LtiLaunchTickets.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Hash == hash && t.InstitutionId == institutionId && t.ExpiresAt > now, cancellationToken);
    }

    // The ticket's launch if it is still usable here, used up by this call: of two requests with one ticket, only the
    // one whose delete removed the row gets it.
    public async Task<LtiLaunchTicket?> RedeemAsync(string? ticket, CancellationToken cancellationToken)
    {
        if (await FindAsync(ticket, cancellationToken) is not { } found)
        {
            return null;
        }
        var deleted = await db.LtiLaunchTickets
            .Where(t => t.Hash == found.Hash && t.InstitutionId == found.InstitutionId && t.ExpiresAt > clock.GetUtcNow())
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == 1 ? found : null;
    }

    private static bool IsWellFormed(string? ticket) => ticket is { Length: 43 } && ticket.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Hash(string ticket) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(ticket)));
}
