namespace CoSie.Platform.Web.Domain;

// What a launch leaves for the step after it (Features/Lti/Framing/LaunchTickets): who it signed in, from which
// registration, and where it sends them, under the hash of a one-time ticket that the browser carries in the address.
// It lets a browser that refused the session's cookie inside the LMS's frame finish the launch in a window of its own.
public sealed class LtiLaunchTicket : ITenantOwned
{
    // The SHA-256 of the ticket, in hex: the table alone opens no session.
    public required string Hash { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid PlatformId { get; set; }
    public Guid UserId { get; set; }

    // The app-relative address the launch lands at ("~/cohorts/...").
    public required string Destination { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
