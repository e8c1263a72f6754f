namespace CoSie.Platform.Web.Features.Synthesis;

public sealed record SynthesisJoinResult(bool Joined, string? State, string? Vector, bool Closed, bool CanEdit, IReadOnlyList<SynthesisEditor> Editors)
{
    public static readonly SynthesisJoinResult Refused = new(false, null, null, false, false, []);
}
