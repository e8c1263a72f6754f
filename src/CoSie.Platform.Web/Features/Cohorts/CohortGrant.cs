using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Cohorts;

// The outcome of a CohortAccess check: the cohort (tracked, ready to change) or the result to return instead.
public sealed class CohortGrant
{
    public Cohort? Cohort { get; private init; }
    public CohortMember? Member { get; private init; }
    public Guid UserId { get; private init; }
    public bool CanManage { get; private init; }
    public IActionResult? Refusal { get; private init; }

    [MemberNotNullWhen(true, nameof(Cohort))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Allowed => Refusal is null;

    public static CohortGrant For(Cohort cohort, CohortMember? member, Guid userId, bool canManage) =>
        new() { Cohort = cohort, Member = member, UserId = userId, CanManage = canManage };

    public static CohortGrant Refused(IActionResult refusal) => new() { Refusal = refusal };
}
