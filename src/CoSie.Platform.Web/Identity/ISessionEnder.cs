namespace CoSie.Platform.Web.Identity;

// Ends an account's sessions and live connections on every app instance at once. LiveConnections does it: it holds
// this instance's live connections and relays the end to the others, which forget the account's cached stamp too.
public interface ISessionEnder
{
    Task EndSessionsAsync(Guid userId);
}
