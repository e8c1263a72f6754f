namespace CoSie.Platform.Web.Features.Account;

// One client address's current window of the account-form budget, shared by every app instance. Not tenant-owned:
// the forms sit outside any institution.
public sealed class AccountFormWindow
{
    public string Client { get; set; } = string.Empty;
    public DateTimeOffset WindowStart { get; set; }
    public int Used { get; set; }
}
