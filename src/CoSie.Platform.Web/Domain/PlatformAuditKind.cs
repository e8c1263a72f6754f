namespace CoSie.Platform.Web.Domain;

public enum PlatformAuditKind
{
    AccountDisabled = 0,
    AccountEnabled = 1,
    PasswordResetForced = 2,
    SignedOutEverywhere = 3,
}
