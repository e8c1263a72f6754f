using System.Security.Cryptography;

namespace CoSie.Platform.Web.Features.Profiles;

// Keeps or removes a person's picture and the version on their account that its address carries, in one transaction.
public sealed class ProfilePictures(PlatformDbContext db, TimeProvider clock)
{
    public async Task SetAsync(Guid userId, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var version = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO profile_pictures (user_id, content, content_type, updated_at) VALUES ({userId}, {content}, {contentType}, {now})
            ON CONFLICT (user_id) DO UPDATE SET content = EXCLUDED.content, content_type = EXCLUDED.content_type, updated_at = EXCLUDED.updated_at
            """, cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PictureVersion, version), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ProfilePictures.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PictureVersion, (string?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
