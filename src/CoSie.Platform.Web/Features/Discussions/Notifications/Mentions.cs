namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// "@Display Name" of a cohort member in a post. Names hold spaces, so rather than parse a handle this looks for
// each member's name after an @ (the autocomplete writes them that way); cohorts are small enough.
public sealed class Mentions(PlatformDbContext db)
{
    public async Task<IReadOnlyList<Guid>> FindAsync(Guid cohortId, string source, CancellationToken cancellationToken)
    {
        if (!source.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }
        var members = await CohortMembersAsync(cohortId, null, cancellationToken);
        return members.Where(m => Mentioned(source, m.Name)).Select(m => m.UserId).ToList();
    }

    public async Task<IReadOnlyList<MemberName>> CohortMembersAsync(Guid cohortId, string? startsWith, CancellationToken cancellationToken)
    {
        var people =
            from m in db.CohortMembers
            where m.CohortId == cohortId
            join u in db.Users on m.UserId equals u.Id
            where u.DisplayName != ""
            select u;
        if (!string.IsNullOrWhiteSpace(startsWith))
        {
            var prefix = LikePatterns.Escape(startsWith.Trim()) + "%";
            people = people.Where(u => EF.Functions.ILike(u.DisplayName, prefix));
        }
        var found = await people.OrderBy(u => u.DisplayName).Take(50).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return found.Select(u => new MemberName(u.Id, u.DisplayName)).ToList();
    }

    private static bool Mentioned(string source, string name)
    {
        var at = 0;
        while ((at = source.IndexOf("@" + name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = at + name.Length + 1;
            var before = at == 0 || !char.IsLetterOrDigit(source[at - 1]);
            var after = end >= source.Length || !char.IsLetterOrDigit(source[end]);
            if (before && after)
            {
                return true;
            }
            at = end;
        }
        return false;
    }
}
