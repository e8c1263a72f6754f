using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoSie.Platform.Web.Features.Discussions;
using Npgsql;

namespace CoSie.Platform.Web.Features.Synthesis;

// Every change to a synthesis, whichever way it comes (a live update over the hub, a section's form, a quote), goes
// through ChangeAsync: under the synthesis's row lock, Yjs (YjsRuntime) merges it into the stored document or refuses
// it, the change is logged and the history's revision brought up to date, all in one transaction; after the commit the
// update is relayed to the synthesis's live pages. Nothing of a refused change is stored.
public sealed partial class SynthesisDocuments(
    PlatformDbContext db, YjsRuntime yjs, SynthesisBroadcaster broadcaster, DiscussionAccess discussions, TimeProvider clock)
{
    private static readonly string EmptyTexts = JsonSerializer.Serialize(SynthesisSections.All.ToDictionary(s => s, _ => string.Empty));

    public async Task<CohortSynthesis> GetOrCreateAsync(SynthesisPlace place, CancellationToken cancellationToken)
    {
        if (await FindAsync(place, cancellationToken) is { } existing)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var created = new CohortSynthesis { CohortId = place.Cohort.Id, ModuleId = place.Module.Id, Texts = EmptyTexts, CreatedAt = now, UpdatedAt = now };
        db.CohortSyntheses.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(created).State = EntityState.Detached;
            return created;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two first visits at once: the other one created it.
            db.ChangeTracker.Clear();
            return await db.CohortSyntheses.AsNoTracking().SingleAsync(s => s.CohortId == place.Cohort.Id && s.ModuleId == place.Module.Id, cancellationToken);
        }
    }

    // The synthesis as it is, or null: for what acts on an existing one (moderation), which must not make one.
    public Task<CohortSynthesis?> FindAsync(SynthesisPlace place, CancellationToken cancellationToken) =>
        db.CohortSyntheses.AsNoTracking().SingleOrDefaultAsync(s => s.CohortId == place.Cohort.Id && s.ModuleId == place.Module.Id, cancellationToken);

    public Task<byte[]?> StateAsync(Guid synthesisId, CancellationToken cancellationToken) =>
        db.CohortSyntheses.AsNoTracking().Where(s => s.Id == synthesisId).Select(s => s.State).SingleOrDefaultAsync(cancellationToken);

    public async Task<SynthesisResult> ApplyLiveAsync(Guid synthesisId, Guid userId, byte[] update, string connectionId, CancellationToken cancellationToken)
    {
        if (update.Length == 0)
        {
            return SynthesisResult.Refused("malformed");
        }
        if (update.Length > SynthesisRules.MaxUpdateBytes)
        {
            return SynthesisResult.Refused("too-large");
        }
        return await ChangeAsync(synthesisId, userId, SynthesisEditKind.Live, null, update.Length,
            synthesis => yjs.Merge(synthesis.State, update, SynthesisRules.MaxLength), _ => Convert.ToBase64String(update), connectionId, cancellationToken);
    }

    // A section's whole text from a form (no JavaScript): Yjs finds what the author changed since the snapshot the page
    // was rendered with and applies only that, so that what others wrote meanwhile stays.
    public Task<SynthesisResult> EditSectionAsync(
        SynthesisPlace place, Guid synthesisId, string? section, string? text, string? snapshot, CancellationToken cancellationToken)
    {
        if (!place.CanWrite)
        {
            return Task.FromResult(SynthesisResult.Forbidden);
        }
        if (!SynthesisSections.IsKnown(section))
        {
            return Task.FromResult(SynthesisResult.Refused("unknown-section"));
        }
        var clean = SynthesisRules.Clean(text);
        if (clean.Length > SynthesisRules.MaxLength)
        {
            return Task.FromResult(SynthesisResult.Refused("too-long"));
        }
        var client = NewClientId();
        return ChangeAsync(synthesisId, place.UserId, SynthesisEditKind.Form, client, clean.Length,
            synthesis => yjs.Edit(synthesis.State, snapshot, section!, clean, client, SynthesisRules.MaxLength), merged => merged.Update, null, cancellationToken);
    }

    // A post of the cohort, as a quoted excerpt with its author and a link, at the end of a section. Only a post the
    // person may read (DiscussionAccess: membership, post-first) and that is visible.
    public async Task<SynthesisResult> QuoteAsync(
        SynthesisPlace place, Guid synthesisId, string? section, string? post, string pathBase, CancellationToken cancellationToken)
    {
        if (!place.CanWrite)
        {
            return SynthesisResult.Forbidden;
        }
        if (!SynthesisSections.IsKnown(section))
        {
            return SynthesisResult.Refused("unknown-section");
        }
        if (LastGuid().Matches(post ?? string.Empty).LastOrDefault() is not { } match || !Guid.TryParse(match.Value, out var postId))
        {
            return SynthesisResult.Refused("post-not-found");
        }
        var found = await db.Reflections.AsNoTracking()
            .Where(r => r.Id == postId && r.CohortId == place.Cohort.Id && r.Status == PostStatus.Visible)
            .Select(r => new { ReflectionId = r.Id, r.AuthorId, r.BodySource })
            .Union(db.Replies.AsNoTracking()
                .Where(r => r.Id == postId && r.Status == PostStatus.Visible && db.Reflections.Any(t => t.Id == r.ReflectionId && t.CohortId == place.Cohort.Id))
                .Select(r => new { r.ReflectionId, r.AuthorId, r.BodySource }))
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !(await discussions.ForThreadAsync(place.Cohort.Id, found.ReflectionId, place.UserId, cancellationToken)).Allowed)
        {
            return SynthesisResult.Refused("post-not-found");
        }
        var author = await db.Users.Where(u => u.Id == found.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "?";
        var excerpt = string.Join(' ', SynthesisRules.Clean(found.BodySource).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        if (excerpt.Length > SynthesisRules.MaxQuoteLength)
        {
            excerpt = excerpt[..SynthesisRules.MaxQuoteLength].TrimEnd() + "…";
        }
        var link = $"{pathBase}/cohorts/{place.Cohort.Id}/reflections/{found.ReflectionId}#post-{postId}";
        var quote = $"“{excerpt}” ({author}, {link})";
        var client = NewClientId();
        return await ChangeAsync(synthesisId, place.UserId, SynthesisEditKind.Quote, client, quote.Length,
            synthesis =>
            {
                var current = JsonSerializer.Deserialize<Dictionary<string, string>>(synthesis.Texts)?.GetValueOrDefault(section!) ?? string.Empty;
                var text = current.Length == 0 ? quote : current.TrimEnd('\n') + "\n" + quote;
                return yjs.Edit(synthesis.State, null, section!, text, client, SynthesisRules.MaxLength);
            },
            merged => merged.Update, null, cancellationToken);
    }

    public async Task<SynthesisResult> CloseAsync(SynthesisPlace place, Guid synthesisId, bool confirmed, bool share, CancellationToken cancellationToken)
    {
        if (!place.CanManage)
        {
            return SynthesisResult.Forbidden;
        }
        if (!confirmed)
        {
            return SynthesisResult.Refused("not-confirmed");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var synthesis = await LockAsync(synthesisId, cancellationToken);
        if (synthesis is null)
        {
            return SynthesisResult.NotFound;
        }
        if (synthesis.IsClosed)
        {
            return SynthesisResult.Closed;
        }
        synthesis.Close(place.UserId, share, clock.GetUtcNow());
        synthesis.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SynthesisResult.Done;
    }

    // Hiding a synthesis takes it from learners, digests and later cohorts; both ways go to the moderation log.
    public async Task<SynthesisResult> SetHiddenAsync(SynthesisPlace place, Guid synthesisId, bool hidden, string? reason, CancellationToken cancellationToken)
    {
        if (!place.CanManage)
        {
            return SynthesisResult.Forbidden;
        }
        var clean = SynthesisRules.Clean(reason).Trim();
        if (clean.Length > SynthesisRules.MaxReasonLength)
        {
            return SynthesisResult.Refused("reason-too-long");
        }
        var synthesis = await db.CohortSyntheses.SingleOrDefaultAsync(s => s.Id == synthesisId, cancellationToken);
        if (synthesis is null)
        {
            return SynthesisResult.NotFound;
        }
        if (synthesis.IsHidden != hidden)
        {
            synthesis.IsHidden = hidden;
            db.ModerationActions.Add(new ModerationAction
            {
                CohortId = place.Cohort.Id,
                ModeratorId = place.UserId,
                Kind = hidden ? ModerationActionKind.Hide : ModerationActionKind.Restore,
                PostId = synthesis.Id,
                Reason = clean,
                At = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        return SynthesisResult.Done;
    }

    // Hiding one revision of the history (abusive text someone wrote and another removed, say) takes its text and its
    // changes' names from learners; both ways go to the moderation log, the revision as the post.
    public async Task<SynthesisResult> SetRevisionHiddenAsync(
        SynthesisPlace place, Guid synthesisId, Guid revisionId, bool hidden, string? reason, CancellationToken cancellationToken)
    {
        if (!place.CanManage)
        {
            return SynthesisResult.Forbidden;
        }
        var clean = SynthesisRules.Clean(reason).Trim();
        if (clean.Length > SynthesisRules.MaxReasonLength)
        {
            return SynthesisResult.Refused("reason-too-long");
        }
        var revision = await db.SynthesisRevisions.SingleOrDefaultAsync(r => r.Id == revisionId && r.SynthesisId == synthesisId, cancellationToken);
        if (revision is null)
        {
            return SynthesisResult.NotFound;
        }
        if (revision.IsHidden != hidden)
        {
            revision.IsHidden = hidden;
            db.ModerationActions.Add(new ModerationAction
            {
                CohortId = place.Cohort.Id,
                ModeratorId = place.UserId,
                Kind = hidden ? ModerationActionKind.Hide : ModerationActionKind.Restore,
                PostId = revision.Id,
                Reason = clean,
                At = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        return SynthesisResult.Done;
    }

    private async Task<SynthesisResult> ChangeAsync(
        Guid synthesisId, Guid userId, SynthesisEditKind kind, uint? ownClient, int size,
        Func<CohortSynthesis, YjsMerge> change, Func<YjsMerge, string?> relay, string? fromConnection, CancellationToken cancellationToken)
    {
        YjsMerge merged;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var synthesis = await LockAsync(synthesisId, cancellationToken);
            if (synthesis is null)
            {
                return SynthesisResult.NotFound;
            }
            if (synthesis.IsClosed)
            {
                return SynthesisResult.Closed;
            }
            merged = change(synthesis);
            if (!merged.Accepted)
            {
                return SynthesisResult.Refused(merged.Error!);
            }
            // A client id belongs to whoever used it first; nobody writes under another person's id (checked before
            // anything else, since an update that repeats another's ids changes nothing and would pass as a repeat).
            var clients = merged.Clients?.Select(c => (long)c).ToList() ?? [];
            if (ownClient is { } own)
            {
                clients.Add(own);
            }
            var owners = await db.SynthesisClients.Where(c => c.SynthesisId == synthesisId && clients.Contains(c.ClientId)).ToListAsync(cancellationToken);
            if (owners.Any(o => o.UserId != userId))
            {
                return SynthesisResult.Refused("foreign-client");
            }
            if (merged.Sections is null or [])
            {
                return SynthesisResult.Unchanged;
            }
            foreach (var client in clients.Distinct().Except(owners.Select(o => o.ClientId)))
            {
                db.SynthesisClients.Add(new SynthesisClient { SynthesisId = synthesisId, ClientId = client, UserId = userId });
            }
            var now = clock.GetUtcNow();
            synthesis.State = merged.StateBytes;
            synthesis.Texts = JsonSerializer.Serialize(merged.Texts);
            synthesis.Version++;
            synthesis.UpdatedAt = now;
            db.SynthesisEdits.Add(new SynthesisEdit
            {
                SynthesisId = synthesisId,
                UserId = userId,
                At = now,
                Sections = string.Join(',', merged.Sections),
                Bytes = size,
                Kind = kind,
            });
            var last = await db.SynthesisRevisions.Where(r => r.SynthesisId == synthesisId).OrderByDescending(r => r.At).FirstOrDefaultAsync(cancellationToken);
            if (last is null || last.IsHidden || now - last.StartedAt >= SynthesisRules.RevisionEvery)
            {
                db.SynthesisRevisions.Add(new SynthesisRevision
                {
                    SynthesisId = synthesisId,
                    StartedAt = now,
                    At = now,
                    Version = synthesis.Version,
                    Texts = synthesis.Texts,
                    EditCount = 1,
                });
            }
            else
            {
                last.At = now;
                last.Version = synthesis.Version;
                last.Texts = synthesis.Texts;
                last.EditCount++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (relay(merged) is { } update)
        {
            await broadcaster.UpdatedAsync(synthesisId, update, fromConnection, cancellationToken);
        }
        return SynthesisResult.Done;
    }

    // One change at a time per synthesis: each is merged into the state the previous one left.
    private async Task<CohortSynthesis?> LockAsync(Guid synthesisId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM cohort_syntheses WHERE id = {synthesisId} FOR UPDATE", cancellationToken);
        return await db.CohortSyntheses.SingleOrDefaultAsync(s => s.Id == synthesisId, cancellationToken);
    }

    private static uint NewClientId() => (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex LastGuid();
}
