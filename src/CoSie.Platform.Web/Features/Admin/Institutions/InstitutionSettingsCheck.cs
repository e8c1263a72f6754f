using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

// The rules a new or edited institution must meet, shared by the create and edit pages: each broken rule
// becomes an error on its form field, and only settings that pass every rule come back.
public sealed class InstitutionSettingsCheck(PlatformDbContext db, InstitutionDirectory directory, IStringLocalizer<InstitutionSettingsCheck> localizer)
{
    private const long LockKey = 0x_C051E_0003;

    // Slugs have a unique index, host names (an array column) do not: holding this lock from the check to the
    // commit keeps two admins from binding the same host name at the same moment. Call it inside a transaction.
    public async Task LockAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);

    // Saves what the page changed and commits the transaction that LockAsync began. False, with the error on the slug
    // field, when the slug was taken meanwhile: only a slug written outside these pages (which hold the lock) can
    // get here.
    public async Task<bool> CommitAsync(
        IDbContextTransaction transaction, string slug, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            modelState.AddModelError($"{prefix}.Slug", localizer["Another institution already uses the slug “{slug}”.", slug]);
            return false;
        }
        // Requests resolve institutions from a short-lived cache; a new institution, slug or host name must answer at once.
        directory.Invalidate();
        return true;
    }

    public async Task<InstitutionSettings?> CheckAsync(
        Guid? institutionId, string? slug, string? name, string? hostNames, string? timeZoneId, string? defaultCulture,
        ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        var normalSlug = (slug ?? string.Empty).Trim().ToLowerInvariant();
        if (Slugs.Problem(Slugs.Institution, normalSlug) is { } slugProblem)
        {
            modelState.AddModelError(Key("Slug"), localizer.Describe(slugProblem, Slugs.Institution, normalSlug));
        }
        // Slugs are stored in lower case (Slugs allows nothing else), so the lower-cased input compares
        // case-insensitively and can use the unique index.
        else if (await db.Institutions.AnyAsync(i => i.Slug == normalSlug && i.Id != institutionId, cancellationToken))
        {
            modelState.AddModelError(Key("Slug"), localizer["Another institution already uses the slug “{slug}”.", normalSlug]);
        }

        // The input model's annotations have checked presence and length already.
        var normalName = (name ?? string.Empty).Trim();

        // Every problem with the host names goes into one message, so that a list with several is fixed in one go.
        var hosts = HostNameRules.Split(hostNames);
        var hostProblems = new List<string>();
        if (hosts.Count > HostNameRules.MaxPerInstitution)
        {
            hostProblems.Add(localizer["Bind at most {max, plural, one {# host name} other {# host names}}.", HostNameRules.MaxPerInstitution]);
        }
        var wellFormed = new List<string>();
        foreach (var host in hosts)
        {
            if (HostNameRules.Validate(host) is { } problem)
            {
                hostProblems.Add(localizer.Describe(problem, host));
            }
            else
            {
                wellFormed.Add(host);
            }
        }
        if (wellFormed.Count > 0)
        {
            var candidates = wellFormed.ToArray();
            var holders = await db.Institutions.AsNoTracking()
                .Where(i => i.Id != institutionId && i.HostNames.Any(h => candidates.Contains(h)))
                .Select(i => new { i.Name, i.HostNames })
                .ToListAsync(cancellationToken);
            hostProblems.AddRange(holders.SelectMany(holder => holder.HostNames
                .Intersect(candidates, StringComparer.Ordinal)
                .Select(host => localizer["“{host}” is already bound to {institution}.", host, holder.Name].Value)));
        }
        if (hostProblems.Count > 0)
        {
            modelState.AddModelError(Key("HostNames"), string.Join(" ", hostProblems));
        }

        var zone = InstitutionChoices.FindIanaTimeZone(timeZoneId);
        if (zone is null && !HasErrors("TimeZoneId"))
        {
            modelState.AddModelError(Key("TimeZoneId"), localizer["Choose a time zone from the list."]);
        }

        var culture = InstitutionChoices.FindCulture(defaultCulture);
        if (culture is null && !HasErrors("DefaultCulture"))
        {
            modelState.AddModelError(Key("DefaultCulture"), localizer["Choose a language from the list."]);
        }

        return modelState.IsValid && zone is not null && culture is not null
            ? new InstitutionSettings(normalSlug, normalName, hosts, zone, culture)
            : null;

        string Key(string field) => $"{prefix}.{field}";

        bool HasErrors(string field) => modelState.GetFieldValidationState(Key(field)) == ModelValidationState.Invalid;
    }
}
