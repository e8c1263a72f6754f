namespace CoSie.Platform.Web.Features.Admin.Accounts;

public enum AccountActionOutcome
{
    Done,
    NotFound,
    OwnAccount,
    AlreadyDone,
    Failed,
}
