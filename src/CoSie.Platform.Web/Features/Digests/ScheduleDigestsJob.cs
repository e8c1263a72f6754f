using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Digests;

// Every 15 minutes: claims the digests that are due in every institution and queues one send job per cohort.
// This is cross-institution code: it works inside each institution through TenantScopes.ForEachInstitutionAsync,
// never across them.
public sealed class ScheduleDigestsJob(
    TenantScopes scopes, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ScheduleDigestsJob> logger)
{
    public const string RecurringJobId = "digests:schedule";
    public const string Cron = "*/15 * * * *";

    // A pending row nobody holds for this long was dropped by a job that died: send it again.
    private static readonly TimeSpan Stranded = TimeSpan.FromMinutes(15);

    // How long a failed digest keeps being tried: until the member's next digest may be claimed (six days after this
    // one's slot), which then covers the same posts. Trying later would send two digests within days.
    public static readonly TimeSpan RetryFailedWithin = TimeSpan.FromDays(6);

    // Not retried: the next run, a quarter of an hour later, does the same work.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await scopes.ForEachInstitutionAsync(async (info, services) =>
        {
            var claimed = await services.GetRequiredService<DigestClaims>().ClaimDueAsync(now, cancellationToken);
            var tenantDb = services.GetRequiredService<PlatformDbContext>();
            var strandedBefore = now - Stranded;
            var stranded = await tenantDb.DigestDeliveries
                .Where(d => d.Status == DigestDeliveryStatus.Pending && d.CreatedAt < strandedBefore && (d.LeaseUntil == null || d.LeaseUntil < now))
                .Select(d => d.CohortId).Distinct().ToListAsync(cancellationToken);
            var retried = await RequeueFailedAsync(tenantDb, info.Id, now, cancellationToken);
            var cohorts = claimed.Select(c => c.CohortId).Concat(stranded).Concat(retried).Distinct().ToList();
            foreach (var cohortId in cohorts)
            {
                jobs.Enqueue<SendCohortDigestsJob>(job => job.SendAsync(info.Id, cohortId, CancellationToken.None));
            }
            if (claimed.Count > 0 || stranded.Count > 0 || retried.Count > 0)
            {
                logger.LogInformation("Claimed {Claimed} digests in {Institution}, requeued failed ones in {Retried} cohorts; queued {Cohorts} cohorts",
                    claimed.Count, info.Slug, retried.Distinct().Count(), cohorts.Count);
            }
        }, logger, cancellationToken);
    }

    // A digest that failed all its attempts (an SMTP server away for longer than the backoff) becomes pending again
    // once its next try is due (the dispatcher keeps that time in lease_until; a refusal by the server has none and
    // stays failed). Back to pending, it gets one attempt and, failing, waits for the next try. The UPDATE is the claim,
    // and the dispatcher's lease still guards the sending, so no digest goes out twice.
    private static async Task<List<Guid>> RequeueFailedAsync(PlatformDbContext db, Guid institutionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE digest_deliveries SET status = 'Pending', lease_until = NULL
            WHERE institution_id = @institution AND status = 'Failed' AND lease_until <= @now AND slot_utc > @since
            RETURNING cohort_id AS "Value"
            """;
        return await db.Database.SqlQueryRaw<Guid>(sql,
                new Npgsql.NpgsqlParameter("institution", institutionId),
                new Npgsql.NpgsqlParameter("now", now.ToUniversalTime()),
                new Npgsql.NpgsqlParameter("since", (now - RetryFailedWithin).ToUniversalTime()))
            .ToListAsync(cancellationToken);
    }
}
