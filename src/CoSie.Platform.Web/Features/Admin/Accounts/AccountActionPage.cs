using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Admin.Accounts;

// The confirmation step of one account action (_AccountAction.cshtml): GET says what will happen, POST does it once
// the admin has ticked the confirmation (and, to disable, given a reason). Works without JavaScript.
public abstract class AccountActionPage(PlatformDbContext db, AdministerAccount administer, IStringLocalizer<AccountActionPage> localizer)
    : PageModel
{
    public abstract PlatformAuditKind Kind { get; }

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public Guid UserId { get; private set; }
    public string PersonName { get; private set; } = string.Empty;
    public string PersonEmail { get; private set; } = string.Empty;
    public bool IsDisabled { get; private set; }
    public bool IsOwnAccount { get; private set; }

    public bool ReasonRequired => Kind == PlatformAuditKind.AccountDisabled;

    // Disabling oneself, or disabling (enabling) an account that already is: nothing to confirm.
    public bool Pointless =>
        (Kind == PlatformAuditKind.AccountDisabled && (IsOwnAccount || IsDisabled)) || (Kind == PlatformAuditKind.AccountEnabled && !IsDisabled);

    public string Heading => Kind switch
    {
        PlatformAuditKind.AccountDisabled => localizer["Disable the account of {name}?", PersonName],
        PlatformAuditKind.AccountEnabled => localizer["Enable the account of {name} again?", PersonName],
        PlatformAuditKind.PasswordResetForced => localizer["Force a password reset for {name}?", PersonName],
        _ => localizer["Sign {name} out everywhere?", PersonName],
    };

    public async Task<IActionResult> OnGetAsync(Guid userId, CancellationToken cancellationToken) =>
        await LoadAsync(userId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid userId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(userId, cancellationToken))
        {
            return NotFound();
        }
        if (!Input.Confirm)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Confirm)}", localizer["Tick the box to confirm."]);
        }
        if (ReasonRequired && string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Reason)}", localizer["Give the reason. The person reads it, and it is kept in the audit log."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actorId = User.RequiredAccountId();
        var result = await administer.RunAsync(Kind, actorId, userId, Input.Reason,
            code => Url.Page("/Account/ResetPassword", pageHandler: null, values: new { code }, protocol: Request.Scheme)!, cancellationToken);
        switch (result.Outcome)
        {
            case AccountActionOutcome.NotFound:
                return NotFound();
            case AccountActionOutcome.OwnAccount:
                ModelState.AddModelError(string.Empty, localizer["You cannot disable your own account. Ask another platform admin."]);
                return Page();
            case AccountActionOutcome.Failed:
                ModelState.AddModelError(string.Empty, localizer["The account changed while you were confirming. Nothing was done; check it and try again."]);
                return Page();
            case AccountActionOutcome.AlreadyDone:
                TempData["Status"] = localizer["Nothing changed: the account already was as you asked."].Value;
                break;
            default:
                var done = Kind switch
                {
                    PlatformAuditKind.AccountDisabled => localizer["The account of {name} is disabled, and signed out everywhere.", PersonName],
                    PlatformAuditKind.AccountEnabled => localizer["The account of {name} is enabled again.", PersonName],
                    PlatformAuditKind.PasswordResetForced => localizer["The password of {name} no longer works; a reset link is on its way.", PersonName],
                    _ => localizer["{name} is signed out everywhere.", PersonName],
                };
                TempData["Status"] = result.Mailed
                    ? localizer["{outcome} {name} has been told by mail.", done.Value, PersonName].Value
                    : localizer["{outcome} The mail to {email} could not be sent; tell them another way.", done.Value, PersonEmail].Value;
                break;
        }
        return LocalRedirect($"/admin/accounts/{userId}");
    }

    private async Task<bool> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsDisabled })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return false;
        }
        (UserId, PersonEmail, IsDisabled) = (user.Id, user.Email ?? string.Empty, user.IsDisabled);
        PersonName = string.IsNullOrWhiteSpace(user.DisplayName) ? PersonEmail : user.DisplayName;
        IsOwnAccount = User.AccountId() == userId;
        return true;
    }

    public sealed class ActionInput
    {
        [StringLength(PlatformAuditEntry.MaxReasonLength, ErrorMessage = "A reason has at most {1, plural, one {# character} other {# characters}}.")]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }

        public bool Confirm { get; set; }
    }
}
