using CoSie.Platform.Web.Domain;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;

// Each switch names every value and has no discard, so a value added to an enum fails the build (CS8509) until it has
// its words here. Values outside the enum never reach these switches, so the compiler's warning for them is off.
#pragma warning disable CS8524

namespace CoSie.Platform.Web.Localization;

// The words a person reads for an enum value. Every English text is a literal key, so a check that reads the source
// finds each one; a key built from a value's name would be invisible to it. Code holds an IStringLocalizer and views an
// IViewLocalizer (an IHtmlLocalizer), hence an overload for each where both need the words.
public static class EnumTexts
{
    public static string Name(this IStringLocalizer localizer, CohortRole role) => role switch
    {
        CohortRole.Learner => localizer["learner"],
        CohortRole.Observer => localizer["observer"],
        CohortRole.Instructor => localizer["instructor"],
    };

    public static string Name(this IHtmlLocalizer localizer, CohortRole role) => role switch
    {
        CohortRole.Learner => localizer["learner"].Value,
        CohortRole.Observer => localizer["observer"].Value,
        CohortRole.Instructor => localizer["instructor"].Value,
    };

    public static string Name(this IHtmlLocalizer localizer, InstitutionRole role) => role switch
    {
        InstitutionRole.Learner => localizer["learner"].Value,
        InstitutionRole.Instructor => localizer["instructor"].Value,
        InstitutionRole.Admin => localizer["admin"].Value,
    };

    public static string Name(this IHtmlLocalizer localizer, ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.Hide => localizer["Hide"].Value,
        ModerationActionKind.Restore => localizer["Restore"].Value,
        ModerationActionKind.Lock => localizer["Lock"].Value,
        ModerationActionKind.Unlock => localizer["Unlock"].Value,
        ModerationActionKind.Pin => localizer["Pin"].Value,
        ModerationActionKind.Unpin => localizer["Unpin"].Value,
        ModerationActionKind.Edit => localizer["Edit"].Value,
        ModerationActionKind.Purge => localizer["Purge"].Value,
        ModerationActionKind.Suspend => localizer["Suspend"].Value,
        ModerationActionKind.LiftSuspension => localizer["Lift suspension"].Value,
        ModerationActionKind.Approve => localizer["Approve"].Value,
        ModerationActionKind.DismissFlags => localizer["Dismiss flags"].Value,
        ModerationActionKind.AutoHide => localizer["Auto-hide"].Value,
    };

    public static string Name(this IHtmlLocalizer localizer, FlagReason reason) => reason switch
    {
        FlagReason.Spam => localizer["Spam"].Value,
        FlagReason.Harassment => localizer["Harassment"].Value,
        FlagReason.OffTopic => localizer["Off topic"].Value,
        FlagReason.Other => localizer["Other"].Value,
    };

    public static string Name(this IHtmlLocalizer localizer, DigestDeliveryStatus status) => status switch
    {
        DigestDeliveryStatus.Pending => localizer["Pending"].Value,
        DigestDeliveryStatus.Sent => localizer["Sent"].Value,
        DigestDeliveryStatus.SkippedEmpty => localizer["Skipped (nothing new)"].Value,
        DigestDeliveryStatus.Failed => localizer["Failed"].Value,
        DigestDeliveryStatus.Unsubscribed => localizer["Unsubscribed"].Value,
    };
}
