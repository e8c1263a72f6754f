namespace CoSie.Platform.Web.Domain;

// Why HostNameRules refuses a host name; the pages say it in the reader's language.
public enum HostNameProblem
{
    // A scheme or a path: an address rather than a host name.
    Address,
    Port,
    TooLong,
    IpAddress,
    Shape,
}
