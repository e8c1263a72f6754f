using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// Everything one notification mail says, gathered before it is written in its recipient's language.
public sealed record NotificationLetter(
    InstitutionInfo Institution,
    Guid UserId,
    string Email,
    string DisplayName,
    NotificationKind Kind,
    Guid CohortId,
    string CohortName,
    Guid ReflectionId,
    string PromptText,
    IReadOnlyList<MailedPost> Posts,
    TimeZoneInfo TimeZone,
    Locale Locale);
