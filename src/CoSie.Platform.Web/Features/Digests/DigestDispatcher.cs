using System.Globalization;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Tenancy;
using CoSie.Platform.Web.Web;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
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
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    // Sends the cohort's pending deliveries (or only the given one), and says which failed but may be retried.
    public async Task<DispatchResult> SendAsync(Guid cohortId, Guid? onlyDeliveryId, CancellationToken cancellationToken)
    {
        var result = new DispatchResult();
        await using var session = sender.OpenSession();
        while (true)
        {
            var leased = await LeaseAsync(cohortId, onlyDeliveryId, cancellationToken);
            if (leased.Count == 0)
            {
                return result;
            }
            await SendBatchAsync(cohortId, leased, onlyDeliveryId, session, result, cancellationToken);
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
    private async Task<List<Guid>> LeaseAsync(Guid cohortId, Guid? onlyDeliveryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        const string sql = """
            UPDATE digest_deliveries SET lease_until = @until
            WHERE id IN (SELECT id FROM digest_deliveries
                         WHERE institution_id = @institution AND cohort_id = @cohort AND status = 'Pending'
                           AND (lease_until IS NULL OR lease_until <= @now) AND (@only::uuid IS NULL OR id = @only::uuid)
                         ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """;
        return await db.Database.SqlQueryRaw<Guid>(sql,
                new NpgsqlParameter("until", (now + Lease).ToUniversalTime()),
                new NpgsqlParameter("institution", tenant.Required.Id),
                new NpgsqlParameter("cohort", cohortId),
                new NpgsqlParameter("now", now.ToUniversalTime()),
                new NpgsqlParameter("only", (object?)onlyDeliveryId ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid },
                new NpgsqlParameter("limit", BatchSize))
            .ToListAsync(cancellationToken);
    }

    private async Task SendBatchAsync(Guid cohortId, List<Guid> ids, Guid? onlyDeliveryId, EmailSession session, DispatchResult result, CancellationToken cancellationToken)
    {
        var institution = tenant.Required;
        var rows = await (
                from d in db.DigestDeliveries
                where ids.Contains(d.Id)
                join u in db.Users on d.UserId equals u.Id
                join m in db.CohortMembers on new { d.CohortId, d.UserId } equals new { m.CohortId, m.UserId } into members
                from m in members.DefaultIfEmpty()
                select new { Delivery = d, u.Email, u.DisplayName, u.EmailConfirmed, u.IsDisabled, u.TimeZoneId, u.Culture, Role = (CohortRole?)m.Role, Frequency = (DigestFrequency?)m.DigestFrequency })
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
                DigestSchedule.ZoneFor(row.TimeZoneId, institution.TimeZoneId), CultureFor(row.Culture, institution.DefaultCulture));
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
        foreach (var (delivery, recipient, reader) in sendable)
        {
            var content = contents[reader.UserId];
            if (content.IsEmpty)
            {
                Finish(delivery, DigestDeliveryStatus.SkippedEmpty, null);
                await db.SaveChangesAsync(cancellationToken);
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
                delivery.Attempts++;
                // With the server's reply code, which tells a full mailbox or a busy server (4xx) from a refusal (5xx).
                delivery.LastError = Truncate(ex is SmtpCommandException smtp
                    ? $"{ex.GetType().Name} {(int)smtp.StatusCode}: {ex.Message}"
                    : $"{ex.GetType().Name}: {ex.Message}");
                // A single delivery is retried by Hangfire (its job rethrows); in a batch the row waits out its backoff
                // under the lease, so the rest of the batch goes on without it, and a retry job is scheduled.
                delivery.LeaseUntil = onlyDeliveryId is null ? clock.GetUtcNow() + Backoff(delivery.Attempts) : null;
                if (delivery.Attempts >= MaxAttempts)
                {
                    delivery.Status = DigestDeliveryStatus.Failed;
                    result.Failed++;
                }
                else
                {
                    result.Retry.Add((delivery.Id, Backoff(delivery.Attempts)));
                    result.LastError = ex;
                }
                await db.SaveChangesAsync(CancellationToken.None);
                logger.LogWarning(ex, "Digest {DeliveryId} failed (attempt {Attempt} of {Max})", delivery.Id, delivery.Attempts, MaxAttempts);
                continue;
            }
            // Only now that the SMTP server took it. Not cancellable: the mail is gone, the row must say so.
            delivery.Status = DigestDeliveryStatus.Sent;
            delivery.SentAt = clock.GetUtcNow();
            delivery.MessageId = message.MessageId;
            delivery.Attempts++;
            delivery.LastError = null;
            delivery.LeaseUntil = null;
            await db.SaveChangesAsync(CancellationToken.None);
            result.Sent++;
        }
    }

    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        _ => TimeSpan.FromMinutes(15),
    };

    // The letter for one member: used by the jobs, the preview and the test mail alike.
    public DigestLetter Letter(InstitutionInfo institution, Guid cohortId, DigestRecipient recipient, DigestContent content, DateTimeOffset periodStart, string? messageId)
    {
        var token = tokens.Create(new UnsubscribeToken(institution.Id, cohortId, recipient.UserId));
        return new DigestLetter(institution, cohortId, recipient, content, periodStart, links.Unsubscribe(institution, token), emailOptions.Value.FromAddress, messageId);
    }

    // Stable across retries, so a receiving server that saw the message once can drop a repeat.
    private string MessageIdFor(DigestDelivery delivery) => $"digest-{delivery.Id:N}@{links.MessageIdDomain(tenant.Required)}";

    public static CultureInfo CultureFor(string? memberCulture, string institutionCulture)
    {
        foreach (var name in new[] { memberCulture, institutionCulture })
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                try
                {
                    return CultureInfo.GetCultureInfo(name);
                }
                catch (CultureNotFoundException)
                {
                }
            }
        }
        return CultureInfo.GetCultureInfo(PlatformCultures.Default);
    }

    private static void Finish(DigestDelivery delivery, DigestDeliveryStatus status, string? note)
    {
        delivery.Status = status;
        delivery.LastError = note;
        delivery.LeaseUntil = null;
    }

    private static string Truncate(string value) => value.Length <= DigestDelivery.MaxErrorLength ? value : value[..DigestDelivery.MaxErrorLength];
}
