using System.Net.Mail;
using System.Security.Cryptography;
using CoSie.Platform.Web.Localization;

namespace CoSie.Platform.Web.Features.Cohorts;

// Turns the rows of a roster into personal invitations and mails them. Every row gets an outcome; the invitations
// are saved together before any mail leaves, and a mail that fails does not undo the others.
public sealed class ImportRoster(PlatformDbContext db, InvitationEmail invitationEmail, TimeProvider clock, ILogger<ImportRoster> logger)
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 256;

    public async Task<IReadOnlyList<RosterResult>> ImportAsync(
        Cohort cohort, IReadOnlyList<RosterRow> rows, InvitationContext context, CancellationToken cancellationToken)
    {
        var memberEmails = (await (
                from m in db.CohortMembers
                join u in db.Users on m.UserId equals u.Id
                where m.CohortId == cohort.Id && u.Email != null
                select u.Email)
            .ToListAsync(cancellationToken))
            .Select(e => e.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var invitations = await db.CohortInvitations.Where(i => i.CohortId == cohort.Id).ToDictionaryAsync(i => i.Email, StringComparer.Ordinal, cancellationToken);

        var now = clock.GetUtcNow();
        var results = new List<RosterResult>(rows.Count);
        var toSend = new List<(int Index, CohortInvitation Invitation)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var email = row.Email.Trim().ToLowerInvariant();
            var name = OneLine(row.Name);
            RosterOutcome? refusal = null;
            if (!IsEmail(email))
            {
                refusal = RosterOutcome.InvalidEmail;
            }
            else if (row.HasExtraColumns)
            {
                refusal = RosterOutcome.ExtraColumns;
            }
            else if (ParseRole(row.Role) is null)
            {
                refusal = RosterOutcome.InvalidRole;
            }
            else if (name.Length > MaxNameLength)
            {
                refusal = RosterOutcome.NameTooLong;
            }
            else if (!seen.Add(email))
            {
                refusal = RosterOutcome.DuplicateInFile;
            }
            else if (memberEmails.Contains(email))
            {
                refusal = RosterOutcome.AlreadyMember;
            }
            if (refusal is { } outcome)
            {
                results.Add(new RosterResult(row.Line, row.Email, name, outcome));
                continue;
            }

            var role = ParseRole(row.Role)!.Value;
            if (invitations.TryGetValue(email, out var invitation))
            {
                var pending = invitation.AcceptedAt is null;
                // Never a second invitation for one address: the existing one takes the roster's latest name and role.
                // One accepted by someone who has since left the cohort starts over with a fresh token.
                invitation.Name = name;
                invitation.Role = role;
                if (!pending)
                {
                    invitation.AcceptedAt = null;
                    invitation.Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
                    invitation.CreatedAt = now;
                }
                results.Add(new RosterResult(row.Line, row.Email, name, pending ? RosterOutcome.InvitedAgain : RosterOutcome.Invited));
            }
            else
            {
                invitation = new CohortInvitation { CohortId = cohort.Id, Email = email, Name = name, Role = role, CreatedAt = now };
                db.CohortInvitations.Add(invitation);
                invitations[email] = invitation;
                results.Add(new RosterResult(row.Line, row.Email, name, RosterOutcome.Invited));
            }
            toSend.Add((results.Count - 1, invitation));
        }
        await db.SaveChangesAsync(cancellationToken);

        // REVIEW: sent within the request, one SMTP connection per message; 2,000 rows take a while. Move to a
        // background job once the job runner is in place.
        var addresses = toSend.Select(s => s.Invitation.Email.ToUpperInvariant()).ToList();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && addresses.Contains(u.NormalizedEmail))
            .Select(u => new { u.NormalizedEmail, u.Language, u.Culture })
            .ToDictionaryAsync(u => u.NormalizedEmail!, StringComparer.Ordinal, cancellationToken);
        foreach (var (index, invitation) in toSend)
        {
            var account = accounts.GetValueOrDefault(invitation.Email.ToUpperInvariant());
            var locale = Locale.For(account?.Language, account?.Culture, context.InstitutionCulture);
            try
            {
                await invitationEmail.SendAsync(invitation, context, locale, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The invitation to cohort {CohortId} for row {Line} could not be sent", cohort.Id, results[index].Line);
                results[index] = results[index] with { Outcome = RosterOutcome.NotSent };
            }
        }
        return results;
    }

    public static CohortRole? ParseRole(string text) => text.Trim().ToLowerInvariant() switch
    {
        "" or "learner" => CohortRole.Learner,
        "observer" => CohortRole.Observer,
        "instructor" => CohortRole.Instructor,
        _ => null,
    };

    private static bool IsEmail(string email) =>
        email.Length is > 0 and <= MaxEmailLength
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && string.IsNullOrEmpty(address.DisplayName)
        && address.Host.Contains('.', StringComparison.Ordinal);

    // A quoted CSV field may span lines; a name is shown on one line and goes into mail headers.
    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => new string([.. part.Where(c => !char.IsControl(c))])));
}
