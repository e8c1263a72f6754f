namespace CoSie.Platform.Web.Features.Discussions.Live;

public enum HubCallVerdict
{
    Allowed,

    // The first refusal in a window, worth a log line; later ones in the same window are not.
    FirstRefusal,
    Refused,

    // Refused again and again within the window: told that the connection closes. An error that went out with the
    // connection's end would not reach the client, so the close waits for the next call.
    LastRefusal,

    // Called again after that: the connection is closed.
    Flooding,
}
