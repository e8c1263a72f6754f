namespace CoSie.Platform.Web.Features.Admin.Accounts;

public sealed class ForcePasswordResetModel(PlatformDbContext db, AdministerAccount administer, IStringLocalizer<AccountActionPage> localizer)
    : AccountActionPage(db, administer, localizer)
{
    public override PlatformAuditKind Kind => PlatformAuditKind.PasswordResetForced;
}
