using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoSie.Platform.Web.Data;

// Stamps new tenant-owned rows with the current institution and refuses to save any row of another one:
// the query filter guards reads, this guards writes.
public sealed class TenantStampingInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not PlatformDbContext db)
        {
            return;
        }
        foreach (var entry in db.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var current = db.CurrentInstitutionId;
            if (current == Guid.Empty)
            {
                throw new InvalidOperationException(
                    $"A {entry.Entity.GetType().Name} cannot be saved outside an institution; enter one through TenantScopes.");
            }
            if (entry.State == EntityState.Added && entry.Entity.InstitutionId == Guid.Empty)
            {
                entry.Entity.InstitutionId = current;
            }
            if (entry.Entity.InstitutionId != current)
            {
                throw new InvalidOperationException(
                    $"A {entry.Entity.GetType().Name} of institution {entry.Entity.InstitutionId} cannot be saved from institution {current}.");
            }
        }
    }
}
