using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Insight;

// Everything one reminder says, gathered before it is written in its recipient's language.
public sealed record ReminderLetter(
    InstitutionInfo Institution,
    Guid UserId,
    string Email,
    string DisplayName,
    string? SenderName,
    Guid CohortId,
    string CohortName,
    Guid PromptId,
    string PromptText,
    Locale Locale);
