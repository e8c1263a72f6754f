using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoSie.Platform.Web.Features.Digests;

// Sends claimed deliveries of one cohort: takes a lease on a batch of pending rows, builds their digests together,
// sends each one outside any transaction, and records each outcome right after the SMTP server answered.
public sealed class DigestDispatcher(
    PlatformDbContext db,
    TenantContext tenant,
    DigestContentBuilder builder,
    DigestEmail email,
    DigestLinks links,
    UnsubscribeTokens tokens,
    EmailSender sender,
    IOptions<EmailOptions> emailOptions,
    TimeProvider clock,
    ILogger<DigestDispatcher> logger)
{
    public const int MaxAttempts = 4;
    public const int BatchSize = 500;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    // A digest that failed every attempt is tried again this often while its week lasts (see ScheduleDigestsJob).
    public static readonly TimeSpan RetryFailedEvery = TimeSpan.FromHours(1);

    // Sends the cohort's pending deliveries (or only the given one), and says which failed but may be retried.
    public async Task<DispatchResult> SendAsync(Guid cohortId, Guid? onlyDeliveryId, CancellationToken cancellationToken)
    {
        var result = new DispatchResult();
        await using var session = sender.OpenSession();
        while (true)
        {
            var (leased, until) = await LeaseAsync(cohortId, onlyDeliveryId, cancellationToken);
            if (leased.Count == 0)
            {
                return result;
            }
            await SendBatchAsync(cohortId, leased, until, onlyDeliveryId, session, result, cancellationToken);
            // Memory stays bounded by one batch, however large the cohort.
            db.ChangeTracker.Clear();
            if (onlyDeliveryId is not null)
            {
                return result;
            }
        }
    }

    // Marks up to a batch of pending rows as being sent. SKIP LOCKED and the lease let two workers share a cohort
    // without sending anything twice; a worker that died lets go of its rows when the lease runs out.
    private async Task<(List<Guid> Ids, DateTimeOffset Until)> LeaseAsync(Guid cohortId, Guid? onlyDeliveryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = LeaseFrom(now);
        const string sql = """
            UPDATE digest_deliveries SET lease_until = @until
            WHERE id IN (SELECT id FROM digest_deliveries
                         WHERE institution_id = @institution AND cohort_id = @cohort AND status = 'Pending'
                           AND (lease_until IS NULL OR lease_until <= @now) AND (@only::uuid IS NULL OR id = @only::uuid)
                         ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """;
        var ids = await db.Database.SqlQueryRaw<Guid>(sql,
                new NpgsqlParameter("until", until),
                new NpgsqlParameter("institution", tenant.Required.Id),
                new NpgsqlParameter("cohort", cohortId),
                new NpgsqlParameter("now", now.ToUniversalTime()),
                new NpgsqlParameter("only", (object?)onlyDeliveryId ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid },
                new NpgsqlParameter("limit", BatchSize))
            .ToListAsync(cancellationToken);
        return (ids, until);
    }

    // The lease's end is also its holder's token: whoever takes a row after the lease ran out writes a later end, so
    // "lease_until is still the one I wrote" means "nobody else has taken it". PostgreSQL keeps microseconds, so the
    // value is cut to them here and compares equal to what is stored.
    private static DateTimeOffset LeaseFrom(DateTimeOffset now)
    {
        var until = (now + Lease).ToUniversalTime();
        return until.AddTicks(-(until.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    // Extends the lease of the batch's remaining rows, and only of those still held under the given end. Rows
    // missing from the answer were taken by another worker after this one's lease ran out: they are no longer ours.
    private async Task<HashSet<Guid>> RenewAsync(IReadOnlyList<Guid> ids, DateTimeOffset held, DateTimeOffset until, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE digest_deliveries SET lease_until = @until
            WHERE id = ANY(@ids) AND status = 'Pending' AND lease_until = @held
            RETURNING id AS "Value"
            """;
        var kept = await db.Database.SqlQueryRaw<Guid>(sql,
                new NpgsqlParameter("until", until),
                new NpgsqlParameter("ids", ids.ToArray()),
                new NpgsqlParameter("held", held))
            .ToListAsync(cancellationToken);
        return kept.ToHashSet();
    }

    private async Task SendBatchAsync(Guid cohortId, List<Guid> ids, DateTimeOffset leaseUntil, Guid? onlyDeliveryId, EmailSession session, DispatchResult result, CancellationToken cancellationToken)
    {
        var institution = tenant.Required;
        var rows = await (
                from d in db.DigestDeliveries
                where ids.Contains(d.Id)
                join u in db.Users on d.UserId equals u.Id
                join m in db.CohortMembers on new { d.CohortId, d.UserId } equals new { m.CohortId, m.UserId } into members
                from m in members.DefaultIfEmpty()
                select new { Delivery = d, u.Email, u.DisplayName, u.EmailConfirmed, u.IsDisabled, u.TimeZoneId, u.Language, u.Culture, Role = (CohortRole?)m.Role, Frequency = (DigestFrequency?)m.DigestFrequency })
            .ToListAsync(cancellationToken);

        var sendable = new List<(DigestDelivery Delivery, DigestRecipient Recipient, DigestReader Reader)>();
        foreach (var row in rows)
        {
            var delivery = row.Delivery;
            if (row.Role is null || row.IsDisabled || !row.EmailConfirmed || string.IsNullOrEmpty(row.Email))
            {
                // Left the cohort, disabled or unconfirmed since the claim: nothing goes out.
                Finish(delivery, DigestDeliveryStatus.SkippedEmpty, "Not sent: the member left, or the account is disabled or unconfirmed.");
                result.Skipped++;
                continue;
            }
            if (row.Frequency == DigestFrequency.Off)
            {
                Finish(delivery, DigestDeliveryStatus.Unsubscribed, null);
                result.Skipped++;
                continue;
            }
            var recipient = new DigestRecipient(row.Delivery.UserId, row.Email, row.DisplayName,
                DigestSchedule.ZoneFor(row.TimeZoneId, institution.TimeZoneId), Locale.For(row.Language, row.Culture, institution.DefaultCulture));
            sendable.Add((delivery, recipient, new DigestReader(delivery.UserId, row.Role.Value, delivery.PeriodStart, delivery.SlotUtc)));
        }
        await db.SaveChangesAsync(cancellationToken);
        if (sendable.Count == 0)
        {
            return;
        }

        var data = await builder.LoadCohortAsync(cohortId, sendable.Min(s => s.Reader.PeriodStart), sendable.Max(s => s.Reader.AsOf), cancellationToken);
        if (data is null)
        {
            return;
        }
        var contents = await builder.BuildAsync(data, sendable.Select(s => s.Reader).ToList(), cancellationToken);
        HashSet<Guid>? held = null;
        for (var i = 0; i < sendable.Count; i++)
        {
            var (delivery, recipient, reader) = sendable[i];
            // A batch outlives its lease when the SMTP server is slow. Half-way through the lease, the rest of the
            // batch is renewed; with the SMTP timeouts, one message takes far less than half a lease, so a row can
            // neither run out while its message is being sent nor be sent by this worker once another has taken it.
            if (clock.GetUtcNow() >= leaseUntil - Lease / 2)
            {
                var renewed = LeaseFrom(clock.GetUtcNow());
                held = await RenewAsync(sendable.Skip(i).Select(s => s.Delivery.Id).ToList(), leaseUntil, renewed, cancellationToken);
                leaseUntil = renewed;
            }
            if (held is not null && !held.Contains(delivery.Id))
            {
                result.Lost++;
                logger.LogWarning("Digest {DeliveryId} was not sent by this worker: its lease ran out and another worker holds it", delivery.Id);
                continue;
            }
            var content = contents[reader.UserId];
            if (content.IsEmpty)
            {
                await RecordAsync(delivery.Id, leaseUntil, s => s
                    .SetProperty(d => d.Status, DigestDeliveryStatus.SkippedEmpty)
                    .SetProperty(d => d.LastError, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null));
                result.Skipped++;
                continue;
            }
            var message = email.Build(Letter(institution, cohortId, recipient, content, delivery.PeriodStart, MessageIdFor(delivery)));
            try
            {
                await session.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = delivery.Attempts + 1;
                // With the server's reply code, which tells a full mailbox or a busy server (4xx) from a refusal (5xx).
                var error = Truncate(ex is SmtpCommandException smtp
                    ? $"{ex.GetType().Name} {(int)smtp.StatusCode}: {ex.Message}"
                    : $"{ex.GetType().Name}: {ex.Message}");
                var failed = attempts >= MaxAttempts;
                // A single delivery is retried by Hangfire (its job rethrows); in a batch the row waits out its backoff
                // under the lease, so the rest of the batch goes on without it, and a retry job is scheduled. A digest
                // that failed for good keeps the time of its next try while its week lasts, unless the server refused
                // it outright (5xx): a missing mailbox does not appear by asking again.
                DateTimeOffset? next = failed
                    ? (IsRefusal(ex) ? null : clock.GetUtcNow() + RetryFailedEvery)
                    : (onlyDeliveryId is null ? clock.GetUtcNow() + Backoff(attempts) : null);
                var recorded = await RecordAsync(delivery.Id, leaseUntil, s => s
                    .SetProperty(d => d.Attempts, attempts)
                    .SetProperty(d => d.LastError, error)
                    .SetProperty(d => d.LeaseUntil, next)
                    .SetProperty(d => d.Status, failed ? DigestDeliveryStatus.Failed : DigestDeliveryStatus.Pending));
                if (!recorded)
                {
                    result.Lost++;
                }
                else if (failed)
                {
                    result.Failed++;
                }
                else
                {
                    result.Retry.Add((delivery.Id, Backoff(attempts)));
                    result.LastError = ex;
                }
                logger.LogWarning(ex, "Digest {DeliveryId} to {To} failed (attempt {Attempt} of {Max})", delivery.Id, recipient.Email, attempts, MaxAttempts);
                continue;
            }
            // Only now that the SMTP server took it. Not cancellable: the mail is gone, the row must say so.
            var sentAt = clock.GetUtcNow();
            if (!await RecordAsync(delivery.Id, leaseUntil, s => s
                    .SetProperty(d => d.Status, DigestDeliveryStatus.Sent)
                    .SetProperty(d => d.SentAt, sentAt)
                    .SetProperty(d => d.MessageId, message.MessageId)
                    .SetProperty(d => d.Attempts, delivery.Attempts + 1)
                    .SetProperty(d => d.LastError, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)))
            {
                // The send outlived the lease, which the SMTP timeouts should prevent; the other worker may send it
                // too, under the same Message-ID.
                logger.LogError("Digest {DeliveryId} was accepted by the SMTP server after its lease had passed to another worker", delivery.Id);
                result.Lost++;
                continue;
            }
            result.Sent++;
        }
    }

    // Writes a row's outcome only while this worker still holds it. Not cancellable: what the SMTP server answered
    // has happened and must be recorded.
    private async Task<bool> RecordAsync(Guid deliveryId, DateTimeOffset leaseUntil,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<DigestDelivery>> outcome) =>
        await db.DigestDeliveries
            .Where(d => d.Id == deliveryId && d.Status == DigestDeliveryStatus.Pending && d.LeaseUntil == leaseUntil)
            .ExecuteUpdateAsync(outcome, CancellationToken.None) == 1;

    // The server said no to this message or recipient (5xx), rather than "not now" (4xx) or not answering at all.
    public static bool IsRefusal(Exception ex) => ex is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 };

    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        _ => TimeSpan.FromMinutes(15),
    };

    // The letter for one member: used by the jobs, the preview and the test mail alike. It carries the member's own
    // unsubscribe link; a letter that goes to someone else must swap it for theirs (see DigestPreview).
    public DigestLetter Letter(InstitutionInfo institution, Guid cohortId, DigestRecipient recipient, DigestContent content, DateTimeOffset periodStart, string? messageId) =>
        new(institution, cohortId, recipient, content, periodStart, UnsubscribeUrl(institution, cohortId, recipient.UserId), emailOptions.Value.FromAddress, messageId);

    public string UnsubscribeUrl(InstitutionInfo institution, Guid cohortId, Guid userId) =>
        links.Unsubscribe(institution, tokens.Create(new UnsubscribeToken(institution.Id, cohortId, userId)));

    // Stable across retries, so a receiving server that saw the message once can drop a repeat.
    private string MessageIdFor(DigestDelivery delivery) => $"digest-{delivery.Id:N}@{links.MessageIdDomain(tenant.Required)}";

    private static void Finish(DigestDelivery delivery, DigestDeliveryStatus status, string? note)
    {
        delivery.Status = status;
        delivery.LastError = note;
        delivery.LeaseUntil = null;
    }

    private static string Truncate(string value) => value.Length <= DigestDelivery.MaxErrorLength ? value : value[..DigestDelivery.MaxErrorLength];
}
