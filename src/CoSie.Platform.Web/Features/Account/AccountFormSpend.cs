namespace CoSie.Platform.Web.Features.Account;

public sealed record AccountFormSpend(bool IsAllowed, TimeSpan RetryAfter)
{
    public static readonly AccountFormSpend Allowed = new(true, TimeSpan.Zero);
}
