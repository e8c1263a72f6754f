namespace CoSie.Platform.Web.Features.Admin.Accounts;

// What an account action did, and whether the person could be told by mail.
public sealed record AccountActionResult(AccountActionOutcome Outcome, bool Mailed = false)
{
    public static readonly AccountActionResult NotFound = new(AccountActionOutcome.NotFound);
    public static readonly AccountActionResult OwnAccount = new(AccountActionOutcome.OwnAccount);
    public static readonly AccountActionResult AlreadyDone = new(AccountActionOutcome.AlreadyDone);
    public static readonly AccountActionResult Failed = new(AccountActionOutcome.Failed);
}
