// Each switch names every value and has no discard, so a value added to an enum fails the build (CS8509) until it has
// its words here. Values outside the enum never reach these switches, so the compiler's warning for them is off.
#pragma warning disable CS8524

namespace CoSie.Platform.Web.Localization;

// The words a person reads for an enum value. Every English text is a literal key, so a check that reads the source
// finds each one; a key built from a value's name would be invisible to it.
public static class EnumTexts
{
    public static string Name(this IStringLocalizer localizer, CourseImportStatus status) => status switch
    {
        CourseImportStatus.Queued => localizer["waiting to start"],
        CourseImportStatus.Running => localizer["reading"],
        CourseImportStatus.Ready => localizer["ready to review"],
        CourseImportStatus.Failed => localizer["failed"],
    };

    public static string Name(this IStringLocalizer localizer, CohortRole role) => role switch
    {
        CohortRole.Learner => localizer["learner"],
        CohortRole.Observer => localizer["observer"],
        CohortRole.Instructor => localizer["instructor"],
    };

    public static string Name(this IStringLocalizer localizer, InstitutionRole role) => role switch
    {
        InstitutionRole.Learner => localizer["learner"],
        InstitutionRole.Instructor => localizer["instructor"],
        InstitutionRole.Admin => localizer["admin"],
    };

    public static string Name(this IStringLocalizer localizer, ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.Hide => localizer["Hide"],
        ModerationActionKind.Restore => localizer["Restore"],
        ModerationActionKind.Lock => localizer["Lock"],
        ModerationActionKind.Unlock => localizer["Unlock"],
        ModerationActionKind.Pin => localizer["Pin"],
        ModerationActionKind.Unpin => localizer["Unpin"],
        ModerationActionKind.Edit => localizer["Edit"],
        ModerationActionKind.Purge => localizer["Purge"],
        ModerationActionKind.Suspend => localizer["Suspend"],
        ModerationActionKind.LiftSuspension => localizer["Lift suspension"],
        ModerationActionKind.Approve => localizer["Approve"],
        ModerationActionKind.DismissFlags => localizer["Dismiss flags"],
        ModerationActionKind.AutoHide => localizer["Auto-hide"],
        ModerationActionKind.Reminder => localizer["Reminder"],
    };

    public static string Name(this IStringLocalizer localizer, FlagReason reason) => reason switch
    {
        FlagReason.Spam => localizer["Spam"],
        FlagReason.Harassment => localizer["Harassment"],
        FlagReason.OffTopic => localizer["Off topic"],
        FlagReason.Other => localizer["Other"],
    };

    public static string Name(this IStringLocalizer localizer, DigestDeliveryStatus status) => status switch
    {
        DigestDeliveryStatus.Pending => localizer["Pending"],
        DigestDeliveryStatus.Sent => localizer["Sent"],
        DigestDeliveryStatus.SkippedEmpty => localizer["Skipped (nothing new)"],
        DigestDeliveryStatus.Failed => localizer["Not delivered"],
        DigestDeliveryStatus.Unsubscribed => localizer["Unsubscribed"],
    };
}
